/**
 * One isolated jobs world per test: a fresh Redis prefix (stores, BullMQ queue and the recorded
 * platform all live under it), the real stores, a BullScheduler and a RecordingPublisher.
 * `cleanup()` obliterates the queue and deletes the prefix's keys, and nothing else.
 */
import type { Queue } from 'bullmq';
import { loadBank } from '../../src/bank/load.js';
import { createCatalog, type Catalog } from '../../src/core/catalog.js';
import type { Clock, QuizDeps } from '../../src/core/quiz/ports.js';
import type { DailySubscription } from '../../src/core/quiz/types.js';
import { systemClock } from '../../src/core/time/clock.js';
import { silentLogger } from '../../src/jobs/observe.js';
import { createJobQueue, QUEUE_NAME } from '../../src/jobs/queue.js';
import { BullScheduler } from '../../src/jobs/scheduler.js';
import {
  createQuizWorker,
  type QuizWorker,
  type QuizWorkerOptions,
} from '../../src/jobs/worker.js';
import { createRedisStores } from '../../src/store/redis/stores.js';
import { RecordingPublisher } from './recording-publisher.js';
import { testRedis, type TestRedis } from './redis.js';

let catalogOnce: Promise<Catalog> | undefined;
/** The default bank, loaded once per test file. */
export const defaultCatalog = (): Promise<Catalog> =>
  (catalogOnce ??= loadBank('data/questions.md').then(createCatalog));

export interface JobsWorld {
  redis: TestRedis;
  /** The prefix without its trailing colon, as config would give it. */
  prefix: string;
  queueName: string;
  queue: Queue;
  scheduler: BullScheduler;
  publisher: RecordingPublisher;
  deps: QuizDeps;
  catalog: Catalog;
  /** A worker in this process over the world's queue (closed by cleanup). */
  startWorker(options?: Partial<QuizWorkerOptions>): QuizWorker;
  cleanup(): Promise<void>;
}

export async function jobsWorld(
  options: { label?: string; clock?: Clock; latencyMs?: number; instanceId?: string } = {},
): Promise<JobsWorld> {
  const redis = await testRedis({ label: options.label ?? 'jobs' });
  const prefix = redis.prefix.replace(/:+$/, '');
  const queueName = QUEUE_NAME;
  const queue = createJobQueue({
    redisUrl: redis.url,
    prefix,
    name: queueName,
    logger: silentLogger,
  });
  const clock = options.clock ?? systemClock;
  const scheduler = new BullScheduler(queue, { clock });
  const publisher = new RecordingPublisher({
    redis: redis.client,
    prefix,
    latencyMs: options.latencyMs,
  });
  const catalog = await defaultCatalog();
  const deps: QuizDeps = {
    clock,
    ...createRedisStores({ redis: redis.client, prefix }),
    scheduler,
    publisher,
    instanceId: options.instanceId ?? `test-${process.pid}`,
  };
  const workers: QuizWorker[] = [];
  return {
    redis,
    prefix,
    queueName,
    queue,
    scheduler,
    publisher,
    deps,
    catalog,
    startWorker(overrides = {}) {
      const worker = createQuizWorker({
        redisUrl: redis.url,
        prefix,
        name: queueName,
        context: { deps, catalog },
        logger: silentLogger,
        ...overrides,
      });
      workers.push(worker);
      return worker;
    },
    async cleanup() {
      await Promise.all(workers.map((w) => w.close({ timeoutMs: 5_000 })));
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
      await redis.cleanup();
    },
  };
}

/** A subscription in a numbered channel of a workspace. */
export function subscription(
  n: number,
  fields: Partial<DailySubscription> & Pick<DailySubscription, 'time' | 'timezone'>,
): DailySubscription {
  return {
    workspace: 'console:ws:test',
    channel: `console:ch:${String(n).padStart(3, '0')}`,
    tags: [],
    revealAfterMinutes: 60,
    createdBy: 'console:user:admin',
    createdAt: new Date(0).toISOString(),
    paused: null,
    ...fields,
  };
}

/** Polls `check` until it returns true or `timeoutMs` passes; then throws with `what`. */
export async function eventually(
  what: string,
  check: () => Promise<boolean>,
  { timeoutMs = 30_000, everyMs = 100 } = {},
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, everyMs));
  }
}
