/**
 * Redis restarted under a running bot: a private redis-server (AOF on, like docker-compose's)
 * is stopped in the middle of a fan-out and started again on the same port. The bot does not
 * crash, nothing is lost or doubled, and later work runs as usual.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterEach, expect, it } from 'vitest';
import { createRedisStores } from '../../../src/store/redis/stores.js';
import type { DailySubscription } from '../../../src/core/quiz/types.js';
import { dayKey } from '../../../src/core/time/zone.js';
import { freePort, startRedisServer, type RedisServer } from '../../../src/infra/redis-server.js';
import { silentLogger } from '../../../src/jobs/observe.js';
import { createJobQueue, QUEUE_NAME } from '../../../src/jobs/queue.js';
import { BullScheduler } from '../../../src/jobs/scheduler.js';
import { spawnBot, type BotHandle } from '../../support/bot-spawn.js';
import { RecordingPublisher } from '../../support/recording-publisher.js';
import { testRedis, type TestRedis } from '../../support/redis.js';
import { eventually, subscription } from '../../support/jobs-harness.js';

const CHANNELS = 60;
const DAY = 86_400_000;

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  cleanups = [];
});

it(
  'survives a Redis restart mid fan-out: no crash, nothing lost or doubled, work resumes',
  { timeout: 240_000 },
  async () => {
    // The bot's Redis: private, persistent, restartable. The recorded platform lives on the shared
    // test Redis, which stays up, as Discord would.
    const dir = mkdtempSync(join(tmpdir(), 'quizbot-restart-'));
    const port = await freePort();
    let server: RedisServer = await startRedisServer({ port, dir, persist: true });
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    cleanups.push(() => server.stop());
    const platformRedis: TestRedis = await testRedis({ label: 'restart' });
    cleanups.push(() => platformRedis.cleanup());
    const prefix = 'quizbot-restart';
    const publisher = new RecordingPublisher({
      redis: platformRedis.client,
      prefix: platformRedis.prefix,
    });

    const state = new Redis(server.url);
    state.on('error', () => {});
    cleanups.push(async () => state.disconnect());
    const stores = createRedisStores({ redis: state, prefix });
    const queue = createJobQueue({ redisUrl: server.url, prefix, logger: silentLogger });
    cleanups.push(() => queue.close());
    const scheduler = new BullScheduler(queue);

    const subs: DailySubscription[] = [];
    for (let i = 0; i < CHANNELS; i++) {
      const sub = subscription(i, { time: '07:15', timezone: 'Europe/Paris' });
      subs.push(sub);
      await stores.subscriptions.put(sub);
      await scheduler.upsertDaily(sub);
    }
    const today = new Date();
    await queue.addBulk(
      subs.map((sub) => ({
        name: 'daily',
        data: { channel: sub.channel, scheduledAt: today.toISOString() },
      })),
    );

    const bot: BotHandle = spawnBot({
      stateUrl: server.url,
      prefix,
      queueName: QUEUE_NAME,
      platformUrl: platformRedis.url,
      platformPrefix: platformRedis.prefix,
      instanceId: 'bot-restart',
      concurrency: 2,
      latencyMs: 50,
      ackLatencyMs: 50,
      lockDurationMs: 5_000,
      stalledIntervalMs: 5_000,
      retry: { baseDelayMs: 500, maxDelayMs: 5_000 },
    });
    cleanups.push(() => bot.kill9());
    await bot.waitFor('ready');

    await eventually('the fan-out to start', async () => (await publisher.total()) >= 10, {
      everyMs: 10,
    });
    await server.stop();
    const atStop = await publisher.total();
    await sleep(2_000);
    expect(bot.child.exitCode).toBeNull();
    server = await startRedisServer({ port, dir, persist: true });
    expect(atStop).toBeLessThan(CHANNELS);

    const recordedFor = async (day: (sub: DailySubscription) => string) =>
      (
        await Promise.all(subs.map((sub) => stores.daily.getPost(`${sub.channel}|${day(sub)}`)))
      ).every(Boolean);
    const todayOf = (sub: DailySubscription) => dayKey(today, sub.timezone);
    await eventually("every channel's post for today", () => recordedFor(todayOf), {
      timeoutMs: 150_000,
      everyMs: 500,
    });

    // Work resumes: tomorrow's firings run like any other.
    const tomorrow = new Date(today.getTime() + DAY);
    await queue.addBulk(
      subs.map((sub) => ({
        name: 'daily',
        data: { channel: sub.channel, scheduledAt: tomorrow.toISOString() },
      })),
    );
    const tomorrowOf = (sub: DailySubscription) => dayKey(tomorrow, sub.timezone);
    await eventually("every channel's post for tomorrow", () => recordedFor(tomorrowOf), {
      timeoutMs: 60_000,
      everyMs: 250,
    });

    expect(bot.child.exitCode).toBeNull(); // no crash
    expect(bot.stderr()).toMatch(/Redis error|redis client error/); // it did see the outage
    for (const sub of subs) {
      const days = (await publisher.posts(sub.channel))
        .filter((p) => p.kind === 'daily-question')
        .map((p) => p.summary.day);
      expect(days, sub.channel).toEqual([todayOf(sub), tomorrowOf(sub)]);
    }
    // Nothing lost from Redis itself: subscriptions and the cron schedulers came back with the AOF.
    expect(await stores.subscriptions.listAll()).toHaveLength(CHANNELS);
    expect(await queue.getJobSchedulersCount()).toBe(CHANNELS);
    expect(await queue.getFailedCount()).toBe(0);
    const retried = (bot.stderr().match(/will be retried/g) ?? []).length;
    console.info(
      `redis restart: ${atStop} posts before the stop, ${retried} job attempts failed and were retried, ` +
        `${await publisher.duplicates()} repeats absorbed`,
    );

    expect((await bot.stop()).code).toBe(0);
  },
);
