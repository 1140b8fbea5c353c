/**
 * The exactly-once promise against a crash: 200 channels whose real BullMQ job schedulers (cron in
 * six zones) all fire at the same minute; the bot process is killed with SIGKILL in the middle of
 * the fan-out and started again. Every channel ends with exactly one post for its day.
 *
 * Slow on purpose (about two minutes): it waits for the cron minute, for BullMQ to notice the
 * dead process's stalled jobs, and for the dead process's claim leases (core's CLAIM_LEASE_MS) to
 * run out, which is exactly the recovery path production takes.
 */
import { afterEach, expect, it } from 'vitest';
import { wallClock, dayKey } from '../../../src/core/time/zone.js';
import type { DailySubscription } from '../../../src/core/quiz/types.js';
import { spawnBot, type BotHandle } from '../../support/bot-spawn.js';
import { eventually, jobsWorld, subscription, type JobsWorld } from '../../support/jobs-harness.js';

const CHANNELS = 200;
const ZONES = [
  'UTC',
  'Asia/Shanghai',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Adelaide',
];

let world: JobsWorld;
const bots: BotHandle[] = [];
afterEach(async () => {
  await Promise.all(bots.map((b) => b.kill9()));
  await world.cleanup();
});

it(
  'kill -9 mid fan-out, restart: every one of 200 channels has exactly one post for its day',
  { timeout: 300_000 },
  async () => {
    world = await jobsWorld({ label: 'crash' });
    // The next whole minute at least 8 s away: the schedulers' first firing, the same instant everywhere.
    const target = new Date(Math.ceil((Date.now() + 8_000) / 60_000) * 60_000);
    const subs: DailySubscription[] = [];
    for (let i = 0; i < CHANNELS; i++) {
      const timezone = ZONES[i % ZONES.length]!;
      const local = wallClock(target, timezone);
      const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
      const sub = subscription(i, { workspace: `console:ws:${i % 7}`, time, timezone });
      subs.push(sub);
      await world.deps.subscriptions.put(sub);
      await world.scheduler.upsertDaily(sub); // what `/quiz daily set` does
    }
    expect(await world.queue.getJobSchedulersCount()).toBe(CHANNELS);
    // Every scheduler's first iteration is due at the target instant.
    const firstDue = new Set((await world.queue.getJobSchedulers()).map((s) => s.next));
    expect([...firstDue]).toEqual([target.getTime()]);

    const config = (instanceId: string) => ({
      stateUrl: world.redis.url,
      prefix: world.prefix,
      queueName: world.queueName,
      platformUrl: world.redis.url,
      platformPrefix: world.prefix,
      instanceId,
      concurrency: 8,
      // Most of a post's time is after the platform has it: a kill then loses only the reply.
      latencyMs: 10,
      ackLatencyMs: 30,
      lockDurationMs: 5_000,
      stalledIntervalMs: 5_000,
    });
    const first = spawnBot(config('bot-a'));
    bots.push(first);
    await first.waitFor('ready', 30_000);

    // Kill it once the fan-out is well under way.
    await eventually('the fan-out to start', async () => (await world.publisher.total()) >= 50, {
      timeoutMs: 90_000,
      everyMs: 5,
    });
    await first.kill9();
    const atKill = await world.publisher.total();
    expect(atKill).toBeGreaterThanOrEqual(50);
    expect(atKill).toBeLessThan(CHANNELS);
    expect((await first.exited).signal).toBe('SIGKILL');

    const second = spawnBot(config('bot-b'));
    bots.push(second);
    await second.waitFor('ready', 30_000);
    const expectedDay = (sub: DailySubscription) => dayKey(target, sub.timezone);
    await eventually(
      'every channel to have its post recorded',
      async () => {
        const recorded = await Promise.all(
          subs.map((sub) => world.deps.daily.getPost(`${sub.channel}|${expectedDay(sub)}`)),
        );
        return recorded.every(Boolean);
      },
      { timeoutMs: 200_000, everyMs: 500 },
    );
    await eventually(
      'no daily job left to run',
      async () => {
        const counts = await world.queue.getJobCounts('waiting', 'active', 'prioritized');
        const delayedDaily = (await world.queue.getDelayed()).filter(
          (j) => j.name === 'daily' && j.timestamp + (j.opts.delay ?? 0) <= Date.now() + 1_000,
        );
        return (
          counts.waiting + counts.active + counts.prioritized === 0 && delayedDaily.length === 0
        );
      },
      { timeoutMs: 60_000, everyMs: 250 },
    );

    let keptFromFirst = 0;
    for (const sub of subs) {
      const posts = (await world.publisher.posts(sub.channel)).filter(
        (p) => p.kind === 'daily-question',
      );
      expect(posts, sub.channel).toHaveLength(1);
      expect(posts[0]!.summary.day).toBe(expectedDay(sub));
      // The stored post points at the one message the platform has, whoever recorded it.
      const stored = await world.deps.daily.getPost(`${sub.channel}|${expectedDay(sub)}`);
      expect(stored!.message).toEqual(posts[0]!.ref);
      if (posts[0]!.pid === first.pid) keptFromFirst++;
    }
    expect(await world.queue.getFailedCount()).toBe(0);
    // One reveal scheduled per post, none twice.
    const reveals = (await world.queue.getDelayed()).filter((j) => j.name === 'reveal');
    expect(reveals).toHaveLength(CHANNELS);
    // The schedulers survive for tomorrow.
    expect(await world.queue.getJobSchedulersCount()).toBe(CHANNELS);
    console.info(
      `crash test: ${atKill} posts before SIGKILL, ${keptFromFirst} channels kept bot-a's post, ` +
        `${await world.publisher.duplicates()} repeated posts absorbed by idempotency keys`,
    );

    const stopped = await second.stop();
    expect(stopped.code).toBe(0);
    expect(second.events.find((e) => e.event === 'closed')).toMatchObject({ drained: true });
  },
);
