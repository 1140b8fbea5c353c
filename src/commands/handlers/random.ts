import { randomQuestion } from '../../core/catalog.js';
import { failed } from '../reply.js';
import { booleanOption, textOption } from './options.js';
import type { CommandHandler } from './types.js';

/** `/quiz random [tag:] [public:]`: a random complete question. */
export const random: CommandHandler = async ({ catalog }, { options }) => {
  const tag = textOption(options, 'tag');
  const result = randomQuestion(catalog, tag ? { tag } : {});
  if (result.kind === 'none') {
    return failed({ code: 'no-random', tag: result.tag, known: result.known });
  }
  return {
    kind: 'question',
    question: result.question,
    withAnswer: true,
    visibility: booleanOption(options, 'public') ? 'public' : 'ephemeral',
  };
};
