/**
 * A bot process for the exactly-once tests: the real Redis stores, BullMQ scheduler and worker
 * against a given Redis and prefix, posting to a Redis-backed RecordingPublisher. Runs until
 * killed; SIGTERM/SIGINT close it gracefully. Started by `spawnBot()` as
 *   node --import tsx tests/support/bot-process.ts '<BotConfig JSON>'
 * and speaks JSON lines on stdout: {"event":"ready"}, {"event":"fired",…}, {"event":"closed"}.
 */
import { Redis } from 'ioredis';
import { loadBank } from '../../src/bank/load.js';
import { createCatalog } from '../../src/core/catalog.js';
import type { CompetitionDeps } from '../../src/core/competitions/ports.js';
import type { QuizDeps } from '../../src/core/quiz/ports.js';
import { shuffled } from '../../src/core/quiz/rotation.js';
import { systemClock } from '../../src/core/time/clock.js';
import { dailyJob } from '../../src/jobs/daily.js';
import type { JobLogger } from '../../src/jobs/observe.js';
import type { RetryPolicy } from '../../src/jobs/policy.js';
import { createJobQueue } from '../../src/jobs/queue.js';
import { BullScheduler } from '../../src/jobs/scheduler.js';
import { createQuizWorker } from '../../src/jobs/worker.js';
import { BullRoundScheduler } from '../../src/jobs/competition-scheduler.js';
import { RedisCompetitionStore } from '../../src/store/redis/competition-store.js';
import { createRedisStores } from '../../src/store/redis/stores.js';
import { RecordingPublisher } from './recording-publisher.js';

export interface BotConfig {
  /** Redis holding the bot's state and queue. */
  stateUrl: string;
  prefix: string;
  queueName: string;
  /** Redis holding the recorded platform (stays up when the state Redis restarts). */
  platformUrl: string;
  platformPrefix: string;
  instanceId: string;
  concurrency?: number;
  latencyMs?: number;
  ackLatencyMs?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * At start, run the daily handler for every subscription with this scheduled time, `concurrency`
   * at a time, in an order shuffled by instanceId (so two processes meet all over the list).
   */
  fireAt?: string;
  /** Take no jobs (and fire nothing) until a line arrives on stdin: lets two processes start together. */
  waitForGo?: boolean;
  bank?: string;
}

const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

const line = (level: string) => (obj: object, msg?: string) =>
  process.stderr.write(`${JSON.stringify({ level, pid: process.pid, msg, ...obj })}\n`);
const logger: JobLogger = {
  debug() {},
  info: line('info'),
  warn: line('warn'),
  error: line('error'),
};

async function main(config: BotConfig): Promise<void> {
  const catalog = createCatalog(await loadBank(config.bank ?? 'data/questions.md'));
  const state = new Redis(config.stateUrl);
  const platform = new Redis(config.platformUrl);
  for (const client of [state, platform]) {
    client.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis client error'));
  }
  const queue = createJobQueue({
    redisUrl: config.stateUrl,
    prefix: config.prefix,
    name: config.queueName,
    logger,
    retry: config.retry,
  });
  const deps: QuizDeps = {
    clock: systemClock,
    ...createRedisStores({ redis: state, prefix: config.prefix }),
    scheduler: new BullScheduler(queue),
    publisher: new RecordingPublisher({
      redis: platform,
      prefix: config.platformPrefix,
      latencyMs: config.latencyMs,
      ackLatencyMs: config.ackLatencyMs,
    }),
    instanceId: config.instanceId,
  };
  // Competition rounds too: their jobs carry all they need, so any bot process carries them on.
  const competitions: CompetitionDeps = {
    clock: systemClock,
    competitions: new RedisCompetitionStore({ redis: state, prefix: config.prefix }),
    rounds: new BullRoundScheduler(queue),
    publisher: deps.publisher,
    scores: deps.scores,
    workspaces: deps.workspaces,
    instanceId: config.instanceId,
  };
  const context = { deps, catalog, competitions };
  const worker = createQuizWorker({
    redisUrl: config.stateUrl,
    prefix: config.prefix,
    name: config.queueName,
    context,
    logger,
    concurrency: config.concurrency,
    lockDurationMs: config.lockDurationMs,
    stalledIntervalMs: config.stalledIntervalMs,
    retry: config.retry,
    autorun: !config.waitForGo,
  });
  await worker.worker.waitUntilReady();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    const { drained } = await worker.close({ timeoutMs: 20_000 });
    await queue.close();
    state.disconnect();
    platform.disconnect();
    emit({ event: 'closed', signal, drained });
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // The test runner is our stdin: when it goes away, so do we (no orphaned workers).
  process.stdin.on('end', () => void shutdown('stdin-closed')).resume();
  emit({ event: 'ready', pid: process.pid });
  if (config.waitForGo) {
    await new Promise<void>((go) => process.stdin.once('data', () => go()));
    void worker.worker
      .run()
      .catch((error: Error) => logger.error({ err: error.message }, 'worker stopped'));
  }

  if (config.fireAt) {
    const scheduledAt = new Date(config.fireAt);
    const subs = shuffled(await deps.subscriptions.listAll(), config.instanceId);
    // As many at once as the worker's concurrency, like a fan-out of jobs would run.
    const outcomes: string[] = [];
    const queue = [...subs];
    const lane = async () => {
      for (let sub = queue.shift(); sub; sub = queue.shift()) {
        outcomes.push(
          await dailyJob
            .run(context, { data: { channel: sub.channel }, scheduledAt, attempt: 1 })
            .then(
              (result) => result.status,
              (error: Error) => error.name,
            ),
        );
      }
    };
    await Promise.all(Array.from({ length: config.concurrency ?? 8 }, lane));
    const counts: Record<string, number> = {};
    for (const status of outcomes) counts[status] = (counts[status] ?? 0) + 1;
    emit({ event: 'fired', counts });
  }
}

main(JSON.parse(process.argv[2] ?? '{}') as BotConfig).catch((error: unknown) => {
  logger.error({ err: error instanceof Error ? error.stack : String(error) }, 'bot process failed');
  process.exit(1);
});
