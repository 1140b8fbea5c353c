import { dailyOff as turnOff } from '../../core/quiz/daily.js';
import { fromOutcome } from '../reply.js';
import type { CommandHandler } from './types.js';

/** `/quiz daily off` (admin). */
export const dailyOff: CommandHandler = async ({ deps }, { actor, place }) =>
  fromOutcome(await turnOff(deps, actor, place));
