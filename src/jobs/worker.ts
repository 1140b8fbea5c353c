/**
 * The BullMQ worker: takes quizbot jobs off the queue, runs the registered handler with the job's
 * own scheduled time, and reports to the logger and metrics. Failures are sorted once here:
 * bad data and refusals are unrecoverable, everything else retries under the backoff policy.
 */
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { PublishRefusedError } from '../core/quiz/ports.js';
import { JobsOptionsError, ScheduleInputError } from './errors.js';
import { errorText, noMetrics, type JobLogger, type JobMetrics } from './observe.js';
import { positiveInt, retryDelay, retryPolicy, type RetryPolicy } from './policy.js';
import { connectionOptions, resolveQueueSettings, type QueueSettings } from './queue.js';
import { handlerFor, jobRegistry, type JobRegistry } from './registry.js';
import { scheduledTimeOf } from './timing.js';
import { JobDataError, type JobContext, type JobResult } from './types.js';

export interface QuizWorkerOptions extends QueueSettings {
  context: JobContext;
  logger: JobLogger;
  metrics?: JobMetrics;
  /** Default: every quizbot job. */
  registry?: JobRegistry;
  /** Jobs run at once in this process. Default 8. */
  concurrency?: number;
  /** How long a job's lock lasts unrenewed; a dead process's jobs are retaken after it. Default 30 s. */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs. Default 30 s. */
  stalledIntervalMs?: number;
  /** Times a job may stall (its process died) and still be retaken. Default 5: handlers are idempotent. */
  maxStalledCount?: number;
  /** Must match the queue's policy so the backoff strategy agrees with the attempts. */
  retry?: Partial<RetryPolicy>;
  /** Start taking jobs at once. Default true. */
  autorun?: boolean;
}

export interface QuizWorker {
  readonly worker: Worker;
  /**
   * Stops taking jobs and waits for the running ones to finish. After `timeoutMs` it stops
   * waiting: those jobs keep their lock until it expires, then another process retakes them.
   */
  close(options?: { timeoutMs?: number }): Promise<{ drained: boolean }>;
}

const UNRECOVERABLE = [JobDataError, PublishRefusedError, ScheduleInputError];

/** Builds and (unless `autorun: false`) starts the worker; rejects bad options at once. */
export function createQuizWorker(options: QuizWorkerOptions): QuizWorker {
  const settings = resolveQueueSettings(options);
  const concurrency = positiveInt('concurrency', options.concurrency ?? 8, 1, 1000);
  const lockDuration = positiveInt(
    'lockDurationMs',
    options.lockDurationMs ?? 30_000,
    1000,
    3_600_000,
  );
  const stalledInterval = positiveInt(
    'stalledIntervalMs',
    options.stalledIntervalMs ?? 30_000,
    1000,
    3_600_000,
  );
  const maxStalledCount = positiveInt('maxStalledCount', options.maxStalledCount ?? 5, 0, 100);
  const policy = retryPolicy(options.retry);
  if (!options.context?.deps || !options.context.catalog) {
    throw new JobsOptionsError('context', 'needs deps and catalog');
  }
  const registry = options.registry ?? jobRegistry;
  const { logger: log, context } = options;
  const metrics = options.metrics ?? noMetrics;

  const processJob = async (job: Job): Promise<JobResult> => {
    const started = Date.now();
    const attempt = job.attemptsMade + 1;
    const handler = handlerFor(registry, job.name);
    try {
      if (!handler) throw new JobDataError(job.name, 'names no registered job');
      const data = handler.parse(job.data);
      const scheduledAt = scheduledTimeOf(job);
      metrics.started({ name: job.name, attempt, lagMs: started - scheduledAt.getTime() });
      const result = await handler.run(context, { data, scheduledAt, attempt });
      metrics.processed({
        name: job.name,
        status: result.status,
        durationMs: Date.now() - started,
      });
      log.debug({ job: job.name, jobId: job.id, attempt, ...result }, 'job done');
      return result;
    } catch (error) {
      const unrecoverable = UNRECOVERABLE.some((kind) => error instanceof kind);
      const willRetry = !unrecoverable && attempt < (job.opts.attempts ?? 1);
      const fields = { job: job.name, jobId: job.id, attempt, willRetry, err: errorText(error) };
      metrics.failed({
        name: job.name,
        error: errorText(error),
        willRetry,
        durationMs: Date.now() - started,
      });
      if (willRetry) log.warn(fields, 'job failed; it will be retried');
      else log.error(fields, 'job failed for good');
      throw unrecoverable ? new UnrecoverableError(errorText(error)) : error;
    }
  };

  const worker = new Worker(settings.name, processJob, {
    connection: connectionOptions(settings.redisUrl),
    prefix: settings.bullPrefix,
    concurrency,
    lockDuration,
    stalledInterval,
    maxStalledCount,
    autorun: options.autorun ?? true,
    settings: { backoffStrategy: retryDelay(policy) },
  });
  // Without an 'error' listener a Redis outage would crash the process; BullMQ reconnects itself.
  worker.on('error', (error) => log.warn({ err: errorText(error) }, 'job worker Redis error'));
  worker.on('stalled', (jobId) =>
    log.warn({ jobId }, 'job stalled (its process died or blocked); it will be retaken'),
  );

  return {
    worker,
    async close({ timeoutMs = 30_000 } = {}) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((done) => {
        timer = setTimeout(done, timeoutMs, 'timeout');
      });
      const outcome = await Promise.race([worker.close().then(() => 'closed' as const), timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        log.warn({ timeoutMs }, 'jobs still running at shutdown; another process will retake them');
      }
      return { drained: outcome === 'closed' };
    },
  };
}
