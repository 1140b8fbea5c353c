import { type SessionCommand, ok } from '../context.js';

/** `/whoami`: who and where the console is acting. */
export const whoami: SessionCommand = async (ctx) => {
  const { session } = ctx;
  return ok(ctx.words().console.actingAs(session.user, session.channel, session.isAdmin()));
};
