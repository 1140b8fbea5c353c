import { type SessionCommand, ok, refused } from '../context.js';

/** `/admin on|off`: whether the current person may run admin subcommands. */
export const admin: SessionCommand = async (ctx, args) => {
  const value = args[0]?.toLowerCase();
  if (value !== 'on' && value !== 'off') return refused('/admin on | /admin off');
  ctx.session.setAdmin(value === 'on');
  return ok(ctx.words().console.admin(value === 'on', ctx.session.user));
};
