import { rateDaily } from '../../../core/quiz/answer.js';
import type { Rating } from '../../../core/quiz/types.js';
import { type QuizHandler, worded } from '../context.js';

/** `/quiz answer knew|partly|missed`: rates the latest daily question in this channel. */
export const answer: QuizHandler = async (ctx, options) => {
  const rating = String(options.rating) as Rating; // the spec's choices allow only ratings
  const { session } = ctx;
  return worded(
    ctx,
    await rateDaily(ctx.services.deps, session.actor(), session.place(), { rating }),
  );
};
