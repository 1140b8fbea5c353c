import { dailyOff as turnOff } from '../../../core/quiz/daily.js';
import { type QuizHandler, worded } from '../context.js';

/** `/quiz daily off` (admin). */
export const dailyOff: QuizHandler = async (ctx) =>
  worded(ctx, await turnOff(ctx.services.deps, ctx.session.actor(), ctx.session.place()));
