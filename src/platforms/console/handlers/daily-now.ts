import { dailyNow as postNow } from '../../../core/quiz/daily.js';
import { type QuizHandler, worded } from '../context.js';

/** `/quiz daily now` (admin): the post itself is printed by the publisher, then this reply. */
export const dailyNow: QuizHandler = async (ctx) => {
  const { deps, catalog } = ctx.services;
  return worded(ctx, await postNow(deps, catalog, ctx.session.actor(), ctx.session.place()));
};
