import { submitAnswer } from '../../core/competitions/answer.js';
import { competeReply, competitionsOf } from '../compete.js';
import { failed } from '../reply.js';
import { textOption } from './options.js';
import type { CommandHandler } from './types.js';

/** `/quiz compete answer value:`: a typed answer to the channel's current round. */
export const competeAnswer: CommandHandler = async (services, { actor, place, options }) => {
  const value = textOption(options, 'value');
  if (value === undefined) return failed({ code: 'missing-option', option: 'value' });
  const { deps } = competitionsOf(services);
  return competeReply(await submitAnswer(deps, actor, place, { response: { text: value } }));
};
