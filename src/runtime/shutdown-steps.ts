/** Pieces of the shutdown sequence main.ts runs; each one bounded so shutdown always ends. */
import type { QuizWorker } from '../jobs/worker.js';
import type { InflightJobs } from './inflight.js';

interface LogLike {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
}

export type Step = (
  name: string,
  run: () => Promise<unknown> | undefined,
  timeoutMs?: number,
) => Promise<void>;

/**
 * Runs shutdown steps: a failing step is logged and the next one runs; a step that hangs (Redis
 * gone mid-shutdown) is abandoned after `timeoutMs` rather than waited on forever.
 */
export function shutdownStep(log: LogLike): Step {
  return async (name, run, timeoutMs = 5_000) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, timeoutMs, 'late')));
    try {
      const outcome = await Promise.race([Promise.resolve(run()), late]);
      if (outcome === 'late')
        log.warn({ step: name, timeoutMs }, 'shutdown step took too long; moving on');
    } catch (error) {
      log.warn({ step: name, err: String(error) }, 'shutdown step failed');
    } finally {
      clearTimeout(timer);
    }
  };
}

/** How long close() may take once no job is running before we stop waiting for BullMQ. */
const IDLE_CLOSE_GRACE_MS = 2_000;

/**
 * Running jobs finish; past `drainTimeoutMs` they stay locked until another process retakes
 * them. With nothing running, a close that does not return is BullMQ stuck on a connection
 * caught reconnecting (taskforcesh/bullmq#4656), so we stop waiting after a short grace.
 */
export async function closeWorker(
  worker: QuizWorker,
  inflight: InflightJobs,
  log: LogLike,
  drainTimeoutMs: number,
): Promise<void> {
  const closed = worker
    .close({ timeoutMs: drainTimeoutMs })
    .then((r) => (r.drained ? 'drained' : 'timeout'));
  const stuck = inflight
    .idle()
    .then(
      () =>
        new Promise<'stuck'>((resolve) =>
          setTimeout(resolve, IDLE_CLOSE_GRACE_MS, 'stuck').unref(),
        ),
    );
  const outcome = await Promise.race([closed, stuck]);
  if (outcome === 'stuck')
    log.warn('job worker close is stuck with no job running (Redis reconnecting?); moving on');
  else log.info({ drained: outcome === 'drained' }, 'job worker closed');
}
