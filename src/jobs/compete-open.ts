/** Job `compete-open`: posts a competition round's item and schedules its close. */
import { openRound } from '../core/competitions/steps.js';
import { parseRoundJob, runRoundStep } from './compete-step.js';
import type { JobHandler } from './types.js';

export const competeOpenJob: JobHandler<'compete-open'> = {
  name: 'compete-open',
  parse: (data) => parseRoundJob('compete-open', data),
  run: (ctx, { data }) => runRoundStep(ctx, 'compete-open', data, openRound),
};
