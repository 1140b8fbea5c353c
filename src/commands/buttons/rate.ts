import { rateDaily } from '../../core/quiz/answer.js';
import type { ButtonAction } from '../../core/quiz/views.js';
import { fromOutcome } from '../reply.js';
import type { ButtonHandler } from './types.js';

/** A self-rating button under a daily question. */
export const rate: ButtonHandler<Extract<ButtonAction, { action: 'rate' }>> = async (
  { deps },
  { actor, place, action },
) =>
  fromOutcome(
    await rateDaily(deps, actor, place, { rating: action.rating, postKey: action.postKey }),
  );
