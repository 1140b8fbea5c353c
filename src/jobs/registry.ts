/** Every job quizbot runs, by name. Adding a job = one handler file + one line here. */
import { dailyJob } from './daily.js';
import { periodCloseJob } from './period-close.js';
import { revealJob } from './reveal.js';
import type { JobHandler, JobName } from './types.js';

export type JobRegistry = { readonly [N in JobName]: JobHandler<N> };

export const jobRegistry: JobRegistry = {
  daily: dailyJob,
  reveal: revealJob,
  'period-close': periodCloseJob,
};

/** The handler for a job name, or undefined for a name no handler knows (an old deployment's). */
export function handlerFor(registry: JobRegistry, name: string): JobHandler | undefined {
  return Object.hasOwn(registry, name) ? (registry[name as JobName] as JobHandler) : undefined;
}
