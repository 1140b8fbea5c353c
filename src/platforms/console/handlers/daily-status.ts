import { dailyStatus as status } from '../../../core/quiz/daily.js';
import { type QuizHandler, worded } from '../context.js';

/** `/quiz daily status`. */
export const dailyStatus: QuizHandler = async (ctx) =>
  worded(ctx, await status(ctx.services.deps, ctx.session.place()));
