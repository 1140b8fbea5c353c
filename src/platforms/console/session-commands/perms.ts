import { type SessionCommand, ok, refused } from '../context.js';

/** `/perms allow|deny`: whether the bot may post in this channel, to try what a refusal looks like. */
export const perms: SessionCommand = async (ctx, args) => {
  const value = args[0]?.toLowerCase();
  if (value !== 'allow' && value !== 'deny') return refused('/perms allow | /perms deny');
  const { session } = ctx;
  session.setCanPost(session.place().channel, value === 'allow');
  return ok(ctx.words().console.perms(session.channel, value === 'allow'));
};
