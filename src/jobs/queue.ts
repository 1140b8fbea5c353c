/**
 * The one BullMQ queue every timed thing goes through. Its keys live under the configured Redis
 * prefix (`QUIZBOT_PREFIX`), so several deployments and every test can share one Redis.
 */
import { Queue, type ConnectionOptions } from 'bullmq';
import { JobsOptionsError } from './errors.js';
import { errorText, type JobLogger } from './observe.js';
import { jobOptions, retryPolicy, type RetryPolicy } from './policy.js';

export const QUEUE_NAME = 'quiz';

export interface QueueSettings {
  /** `redis://…` or `rediss://…`. */
  redisUrl: string;
  /** The app's key prefix (QUIZBOT_PREFIX); BullMQ's keys go under `<prefix>:bull`. */
  prefix: string;
  /** Default `quiz`; tests use a unique one. No ':' (BullMQ's key separator). */
  name?: string;
}

export interface ResolvedQueueSettings {
  redisUrl: string;
  name: string;
  bullPrefix: string;
}

/** Validates the settings and derives BullMQ's name and prefix from them. */
export function resolveQueueSettings(settings: QueueSettings): ResolvedQueueSettings {
  const { redisUrl } = settings;
  if (!URL.canParse(redisUrl) || !/^rediss?:$/.test(new URL(redisUrl).protocol)) {
    throw new JobsOptionsError('redisUrl', `${JSON.stringify(redisUrl)} is not a redis:// URL`);
  }
  const prefix = settings.prefix.replace(/:+$/, '');
  if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/.test(prefix)) {
    throw new JobsOptionsError('prefix', `${JSON.stringify(settings.prefix)} is not a key prefix`);
  }
  const name = settings.name ?? QUEUE_NAME;
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(name)) {
    throw new JobsOptionsError('name', `${JSON.stringify(name)} must be 1-64 of A-Z a-z 0-9 _ . -`);
  }
  return { redisUrl, name, bullPrefix: `${prefix}:bull` };
}

/**
 * Connection options. Workers block on Redis and must wait out an outage rather than fail
 * commands, which is what `maxRetriesPerRequest: null` means (BullMQ insists on it for workers).
 * Producers use the same, so a job added during a Redis restart is delayed, not lost.
 */
export function connectionOptions(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, maxRetriesPerRequest: null, enableReadyCheck: true };
}

export interface JobQueueOptions extends QueueSettings {
  retry?: Partial<RetryPolicy>;
  /** Connection errors go here (an unheard 'error' event would crash the process). */
  logger: JobLogger;
}

/** The producer side: a BullMQ Queue whose default job options carry quizbot's retry policy. */
export function createJobQueue(options: JobQueueOptions): Queue {
  const resolved = resolveQueueSettings(options);
  const policy = retryPolicy(options.retry);
  const queue = new Queue(resolved.name, {
    connection: connectionOptions(resolved.redisUrl),
    prefix: resolved.bullPrefix,
    defaultJobOptions: jobOptions(policy),
  });
  queue.on('error', (error) =>
    options.logger.warn({ err: errorText(error), queue: resolved.name }, 'job queue Redis error'),
  );
  return queue;
}
