/**
 * Two bot processes against one Redis, firing the same 200 channels at the same moment, twice
 * over: each process runs the daily handler for every channel directly, and the queue holds two
 * jobs per channel that both processes' workers race for. Still exactly one post per channel.
 */
import { afterEach, expect, it } from 'vitest';
import type { DailySubscription } from '../../../src/core/quiz/types.js';
import { dayKey } from '../../../src/core/time/zone.js';
import { spawnBot, type BotHandle } from '../../support/bot-spawn.js';
import { eventually, jobsWorld, subscription, type JobsWorld } from '../../support/jobs-harness.js';

const CHANNELS = 200;

let world: JobsWorld;
const bots: BotHandle[] = [];
afterEach(async () => {
  await Promise.all(bots.map((b) => b.kill9()));
  await world.cleanup();
});

it(
  'two processes firing 200 channels together post exactly once each',
  { timeout: 120_000 },
  async () => {
    world = await jobsWorld({ label: 'two' });
    const scheduledAt = new Date();
    const subs: DailySubscription[] = [];
    for (let i = 0; i < CHANNELS; i++) {
      const sub = subscription(i, {
        time: '09:00',
        timezone: i % 2 ? 'Asia/Shanghai' : 'America/Los_Angeles',
      });
      subs.push(sub);
      await world.deps.subscriptions.put(sub);
    }
    // Duplicate firings in the queue (as a catch-up plus the scheduler's own job would make).
    await world.queue.addBulk(
      subs.flatMap((sub) =>
        [1, 2].map(() => ({
          name: 'daily',
          data: { channel: sub.channel, scheduledAt: scheduledAt.toISOString() },
        })),
      ),
    );

    const config = (instanceId: string) => ({
      stateUrl: world.redis.url,
      prefix: world.prefix,
      queueName: world.queueName,
      platformUrl: world.redis.url,
      platformPrefix: world.prefix,
      instanceId,
      concurrency: 16,
      latencyMs: 10,
      ackLatencyMs: 10,
      fireAt: scheduledAt.toISOString(),
      waitForGo: true,
      retry: { busyDelayMs: 1_000 },
    });
    const pair = [spawnBot(config('bot-a')), spawnBot(config('bot-b'))];
    bots.push(...pair);
    await Promise.all(pair.map((b) => b.waitFor('ready')));
    for (const bot of pair) bot.go();
    const fired = await Promise.all(pair.map((b) => b.waitFor('fired', 60_000)));

    await eventually(
      'every queued firing to finish',
      async () => {
        const counts = await world.queue.getJobCounts(
          'waiting',
          'active',
          'delayed',
          'completed',
          'failed',
        );
        const reveals = (await world.queue.getDelayed()).filter((j) => j.name === 'reveal').length;
        return (
          counts.waiting + counts.active === 0 &&
          counts.delayed === reveals &&
          counts.completed + counts.failed === 2 * CHANNELS
        );
      },
      { timeoutMs: 60_000, everyMs: 200 },
    );
    expect(await world.queue.getFailedCount()).toBe(0);

    const byPid = new Map<number, number>();
    for (const sub of subs) {
      const posts = (await world.publisher.posts(sub.channel)).filter(
        (p) => p.kind === 'daily-question',
      );
      expect(posts, sub.channel).toHaveLength(1);
      expect(posts[0]!.summary.day).toBe(dayKey(scheduledAt, sub.timezone));
      byPid.set(posts[0]!.pid, (byPid.get(posts[0]!.pid) ?? 0) + 1);
    }
    // Both processes really took part and collided: each was refused claims the other held.
    expect([...byPid.keys()].sort()).toEqual(pair.map((b) => b.pid).sort());
    const busy = fired.map((e) => (e.counts as Record<string, number>).ClaimBusyError ?? 0);
    expect(busy[0]! + busy[1]!).toBeGreaterThan(0);
    // And the platform never saw a second attempt.
    expect(await world.publisher.duplicates()).toBe(0);

    // Who posted what adds up to exactly one post per channel across all four paths.
    const direct = fired.map((e) => (e.counts as Record<string, number>).posted ?? 0);
    const viaJobs = (await world.queue.getCompleted()).filter(
      (j) => j.returnvalue?.status === 'posted',
    ).length;
    expect(direct[0]! + direct[1]! + viaJobs).toBe(CHANNELS);
    console.info(
      `two processes: direct posts ${direct.join(' + ')}, via jobs ${viaJobs}; ` +
        `per process ${[...byPid.values()].join(' / ')}; busy on direct fire ${busy.join(' + ')}`,
    );
    for (const bot of pair) expect((await bot.stop()).code).toBe(0);
  },
);
