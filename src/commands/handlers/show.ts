import { showQuestion } from '../../core/catalog.js';
import { failed } from '../reply.js';
import { booleanOption, textOption } from './options.js';
import type { CommandHandler } from './types.js';

/** `/quiz show ID [public:]`: the question and its answer; a miss suggests the closest ones. */
export const show: CommandHandler = async ({ catalog }, { options }) => {
  const result = showQuestion(catalog, textOption(options, 'id') ?? '');
  if (result.kind === 'unknown') {
    return failed({
      code: 'unknown-question',
      input: result.input,
      suggestions: result.suggestions,
    });
  }
  return {
    kind: 'question',
    question: result.question,
    withAnswer: true,
    visibility: booleanOption(options, 'public') ? 'public' : 'ephemeral',
  };
};
