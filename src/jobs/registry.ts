/** Every job quizbot runs, by name. Adding a job = one handler file + one line here. */
import { competeCloseJob } from './compete-close.js';
import { competeOpenJob } from './compete-open.js';
import { dailyJob } from './daily.js';
import { drillJob } from './drill.js';
import { periodCloseJob } from './period-close.js';
import { revealJob } from './reveal.js';
import type { JobHandler, JobName } from './types.js';

export type JobRegistry = { readonly [N in JobName]: JobHandler<N> };

export const jobRegistry: JobRegistry = {
  daily: dailyJob,
  reveal: revealJob,
  'period-close': periodCloseJob,
  drill: drillJob,
  'compete-open': competeOpenJob,
  'compete-close': competeCloseJob,
};

/** The handler for a job name, or undefined for a name no handler knows (an old deployment's). */
export function handlerFor(registry: JobRegistry, name: string): JobHandler | undefined {
  return Object.hasOwn(registry, name) ? (registry[name as JobName] as JobHandler) : undefined;
}
