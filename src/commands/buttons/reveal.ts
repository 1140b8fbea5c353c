import { peekAnswer } from '../../core/quiz/peek.js';
import type { ButtonAction } from '../../core/quiz/views.js';
import { failed } from '../reply.js';
import type { ButtonHandler } from './types.js';

/** "Show answer" under a daily question: a private peek, so a person can rate themselves first. */
export const reveal: ButtonHandler<Extract<ButtonAction, { action: 'reveal' }>> = async (
  { deps, catalog },
  { place, action },
) => {
  const outcome = await peekAnswer(deps, catalog, place, action.postKey);
  if (!outcome.ok) return failed(outcome.failure);
  return { kind: 'daily-answer', question: outcome.value, postKey: action.postKey };
};
