import { type SessionCommand, ok } from '../context.js';

/** `/inbox`: the direct messages the bot sent the current person. */
export const inbox: SessionCommand = async (ctx) => {
  const messages = ctx.publisher.inbox(ctx.session.user);
  const words = ctx.words().console;
  if (messages.length === 0) return ok(words.inboxEmpty);
  return ok([words.inboxHeader(messages.length), ...messages].join('\n'));
};
