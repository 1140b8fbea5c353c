import { playerStats } from '../../../core/quiz/boards.js';
import { type QuizHandler, ok } from '../context.js';
import { WORKSPACE, userKey } from '../ids.js';

/** `/quiz stats [user]`: points, ranks, streak and ratings; yours by default. */
export const stats: QuizHandler = async (ctx, options) => {
  const name = typeof options.user === 'string' ? options.user.replace(/^@/, '') : ctx.session.user;
  const notice = await playerStats(ctx.services.deps, {
    workspace: WORKSPACE,
    player: userKey(name),
    name,
  });
  return ok(ctx.words().notice(notice));
};
