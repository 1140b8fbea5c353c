import { dailyStatus as status } from '../../core/quiz/daily.js';
import { fromOutcome } from '../reply.js';
import type { CommandHandler } from './types.js';

/** `/quiz daily status`: the channel's subscription and when the next question comes. */
export const dailyStatus: CommandHandler = async ({ deps }, { place }) =>
  fromOutcome(await status(deps, place));
