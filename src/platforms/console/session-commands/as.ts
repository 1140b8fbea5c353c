import { type SessionCommand, ok, refused } from '../context.js';
import { NAME } from '../ids.js';

/** `/as NAME`: act as another person (any name, 中文 too). */
export const as: SessionCommand = async (ctx, args) => {
  const name = args.join(' ').trim();
  if (!NAME.test(name)) return refused(ctx.words().console.badName(name));
  ctx.session.user = name;
  const { session } = ctx;
  return ok(ctx.words().console.actingAs(session.user, session.channel, session.isAdmin()));
};
