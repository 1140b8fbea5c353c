import { showQuestion } from '../../core/catalog.js';
import type { ButtonAction } from '../../core/quiz/views.js';
import { failed } from '../reply.js';
import type { ButtonHandler } from './types.js';

/** "Show answer" under a looked-up question: the question again, with its answer, to the clicker. */
export const showAnswer: ButtonHandler<Extract<ButtonAction, { action: 'show-answer' }>> = async (
  { catalog },
  { action },
) => {
  const result = showQuestion(catalog, action.questionId);
  if (result.kind === 'unknown') {
    return failed({ code: 'unknown-question', input: result.input, suggestions: [] });
  }
  return { kind: 'question', question: result.question, withAnswer: true, visibility: 'ephemeral' };
};
