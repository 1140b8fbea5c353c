import { rateDaily } from '../../core/quiz/answer.js';
import { RATINGS } from '../../core/quiz/types.js';
import { failed, fromOutcome } from '../reply.js';
import { choiceOption } from './options.js';
import type { CommandHandler } from './types.js';

/** `/quiz answer knew|partly|missed`: rates the latest daily question in this channel. */
export const answer: CommandHandler = async ({ deps }, { actor, place, options }) => {
  const rating = choiceOption(options, 'rating', RATINGS);
  if (!rating) return failed({ code: 'missing-option', option: 'rating' });
  return fromOutcome(await rateDaily(deps, actor, place, { rating }));
};
