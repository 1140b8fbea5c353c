import { dailyNow as postNow } from '../../core/quiz/daily.js';
import { fromOutcome } from '../reply.js';
import type { CommandHandler } from './types.js';

/** `/quiz daily now` (admin): the post goes out through the publisher; the reply confirms it. */
export const dailyNow: CommandHandler = async ({ deps, catalog }, { actor, place }) =>
  fromOutcome(await postNow(deps, catalog, actor, place));
