import { type SessionCommand, ok, refused } from '../context.js';
import { NAME } from '../ids.js';

/** `/channel NAME`: move to another channel of the local workspace. */
export const channel: SessionCommand = async (ctx, args) => {
  const name = args.join(' ').trim().replace(/^#/, '');
  if (!NAME.test(name)) return refused(ctx.words().console.badName(name));
  ctx.session.channel = name;
  const { session } = ctx;
  return ok(ctx.words().console.actingAs(session.user, session.channel, session.isAdmin()));
};
