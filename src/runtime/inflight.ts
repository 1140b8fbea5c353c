/**
 * Counts jobs running in this process from the worker's metric events, so shutdown can tell
 * "waiting for a job to finish" from "BullMQ's close is stuck with nothing running": a worker
 * whose blocking connection was caught reconnecting (a Redis restart) may never resolve close()
 * (taskforcesh/bullmq#4656), and waiting out the whole drain timeout then helps nobody.
 */
import type { JobMetrics } from '../jobs/observe.js';

export interface InflightJobs extends JobMetrics {
  count(): number;
  /** Resolves once no job is running (at once if none is). */
  idle(): Promise<void>;
}

export function trackInflight(inner: JobMetrics): InflightJobs {
  let running = 0;
  let waiters: Array<() => void> = [];
  const settle = () => {
    running = Math.max(0, running - 1);
    if (running === 0) {
      for (const wake of waiters) wake();
      waiters = [];
    }
  };
  return {
    started(event) {
      running++;
      inner.started(event);
    },
    processed(event) {
      settle();
      inner.processed(event);
    },
    failed(event) {
      settle();
      inner.failed(event);
    },
    count: () => running,
    idle: () => (running === 0 ? Promise.resolve() : new Promise((wake) => waiters.push(wake))),
  };
}
