/** Job `compete-close`: at a round's deadline, freezes it, posts its result, plans the next or finishes. */
import { closeRound } from '../core/competitions/steps.js';
import { parseRoundJob, runRoundStep } from './compete-step.js';
import type { JobHandler } from './types.js';

export const competeCloseJob: JobHandler<'compete-close'> = {
  name: 'compete-close',
  parse: (data) => parseRoundJob('compete-close', data),
  run: (ctx, { data }) => runRoundStep(ctx, 'compete-close', data, closeRound),
};
