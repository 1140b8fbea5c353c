/**
 * Drills on BullMQ and real Redis: one job scheduler per person at their time in their zone, the
 * worker delivering a drill job once however often it runs, and `/clock +1d`'s fast-forward
 * delivering a week of drills (across a DST change) through the same handler.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DrillDeps } from '../../../src/core/drills/ports.js';
import { reviewCard } from '../../../src/core/drills/review.js';
import { startDrill, stopDrill } from '../../../src/core/drills/subscribe.js';
import type { Actor } from '../../../src/core/quiz/types.js';
import { type Clock, ManualClock } from '../../../src/core/time/clock.js';
import { wallClock, zonedInstant } from '../../../src/core/time/zone.js';
import { BullDrillScheduler } from '../../../src/jobs/drill-scheduler.js';
import { drillJob } from '../../../src/jobs/drill.js';
import { ScheduleInputError } from '../../../src/jobs/errors.js';
import { type FastForwardItem, fastForward } from '../../../src/jobs/fast-forward.js';
import { drillSchedulerId } from '../../../src/jobs/ids.js';
import { RedisDrillStore } from '../../../src/store/redis/drill-store.js';
import { createDmPublisher, dmChannel } from '../../support/drill-harness.js';
import { eventually, jobsWorld, type JobsWorld } from '../../support/jobs-harness.js';

let world: JobsWorld;
afterEach(async () => {
  await world.cleanup();
});

const NY = 'America/New_York';
const ivy: Actor = { player: 'discord:user:1001', name: 'Ivy', isAdmin: false };
const place = { workspace: 'discord:guild:7', channel: 'discord:channel:70' };

async function drillWorld(label: string, clock?: Clock) {
  world = await jobsWorld({ label, clock });
  const dms = createDmPublisher();
  const drills: DrillDeps = {
    clock: world.deps.clock,
    drills: new RedisDrillStore({ redis: world.redis.client, prefix: world.prefix }),
    drillScheduler: new BullDrillScheduler(world.queue),
    publisher: dms.publisher,
    directMessages: { channelFor: async (player) => dmChannel(player) },
    instanceId: world.deps.instanceId,
  };
  return { drills, dms, context: { deps: world.deps, catalog: world.catalog, drills } };
}

describe('BullDrillScheduler', () => {
  it('keeps one job scheduler per person and workspace, at 21:00 in their zone', async () => {
    const { drills } = await drillWorld('drill-sched');
    const start = (time: string, timezone: string) =>
      startDrill(drills, world.catalog, ivy, place, { time, timezone });
    expect((await start('21:00', NY)).ok).toBe(true);
    expect((await start('21:00', NY)).ok).toBe(true); // again: unchanged
    const schedulers = await world.queue.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({
      key: drillSchedulerId(place.workspace, ivy.player),
      name: 'drill',
      pattern: '0 21 * * *',
      tz: NY,
      template: { data: { workspace: place.workspace, player: ivy.player } },
    });
    const next = new Date(schedulers[0]!.next!);
    expect(wallClock(next, NY)).toMatchObject({ hour: 21, minute: 0 });
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);

    await start('07:30', 'Asia/Kolkata');
    const [moved, ...rest] = await world.queue.getJobSchedulers();
    expect(rest).toEqual([]);
    expect(moved).toMatchObject({ pattern: '30 7 * * *', tz: 'Asia/Kolkata' });
    expect(new Date(moved!.next!).getUTCHours() * 60 + new Date(moved!.next!).getUTCMinutes()).toBe(
      2 * 60, // 07:30 IST is 02:00 UTC
    );

    await stopDrill(drills, ivy, place);
    expect(await world.queue.getJobSchedulers()).toEqual([]);
  });

  it('rejects a bad zone or an empty key before writing anything', async () => {
    const { drills } = await drillWorld('drill-bad');
    const sub = {
      workspace: place.workspace,
      player: ivy.player,
      name: 'Ivy',
      channel: place.channel,
      time: '21:00',
      timezone: 'Mars/Olympus',
      tags: [],
      perDay: 5,
      createdAt: new Date().toISOString(),
    };
    await expect(drills.drillScheduler.upsertDrill(sub)).rejects.toThrow(ScheduleInputError);
    await expect(
      drills.drillScheduler.upsertDrill({ ...sub, timezone: NY, player: ' ' }),
    ).rejects.toThrow(/player/);
    expect(await world.queue.getJobSchedulers()).toEqual([]);
  });
});

describe('the drill job', () => {
  it('delivers once through the worker, even when its reply is lost and it runs again', async () => {
    const { drills, dms, context } = await drillWorld('drill-worker');
    await startDrill(drills, world.catalog, ivy, place, { time: '21:00', timezone: NY });
    dms.loseNextAck();
    world.startWorker({ context, retry: { baseDelayMs: 50 } });
    const scheduledAt = new Date().toISOString();
    const data = { workspace: place.workspace, player: ivy.player, scheduledAt };
    const first = await world.queue.add('drill', data);
    await eventually('the drill job to complete', async () => (await first.isCompleted()) === true);
    const done = (await world.queue.getJob(first.id!))!;
    expect(done.attemptsMade).toBe(2);
    expect(done.returnvalue).toMatchObject({ status: 'delivered', cards: 10 });
    // A duplicate of the same firing (a second process's copy, a manual re-run).
    const again = await world.queue.add('drill', data);
    await eventually('the duplicate to complete', async () => (await again.isCompleted()) === true);
    expect((await world.queue.getJob(again.id!))!.returnvalue).toEqual({
      status: 'skipped',
      player: ivy.player,
      reason: 'already-delivered',
    });
    expect(dms.attempts).toHaveLength(2); // the lost reply and its retry, with one key
    expect(dms.sent).toHaveLength(1);
    expect(dms.sent[0]!.channel).toBe(dmChannel(ivy.player));
  });

  it('reports a person with closed DMs as refused, without retrying', async () => {
    const { drills, dms, context } = await drillWorld('drill-refused');
    await startDrill(drills, world.catalog, ivy, place, { time: '21:00', timezone: NY });
    dms.close(ivy.player);
    const result = await drillJob.run(context, {
      data: { workspace: place.workspace, player: ivy.player },
      scheduledAt: new Date(),
      attempt: 1,
    });
    expect(result).toEqual({
      status: 'refused',
      player: ivy.player,
      reason: 'Cannot send messages to this user',
    });
    expect(await drills.drills.takeDmRefusal(place.workspace, ivy.player)).toMatchObject({
      reason: 'Cannot send messages to this user',
    });
  });
});

describe('fast-forward', () => {
  it('delivers a week of drills at 21:00 New York time across the DST change, once each', async () => {
    const clock = new ManualClock(new Date('2026-03-05T12:00:00Z'));
    const { drills, dms, context } = await drillWorld('drill-ff', clock);
    await startDrill(drills, world.catalog, ivy, place, {
      time: '21:00',
      timezone: NY,
      perDay: 2,
    });
    // Ivy rates every card Good a few minutes after it arrives.
    const onItem = async (item: FastForwardItem) => {
      if (item.name !== 'drill' || item.result.status !== 'delivered') return;
      const session = (await drills.drills.session(ivy.player))!;
      for (const questionId of session.pending) {
        clock.advance(60_000);
        const review = await reviewCard(drills, world.catalog, ivy, { questionId, rating: 'good' });
        expect(review.ok).toBe(true);
      }
    };
    const report = await fastForward({ context, clock, durationMs: 7 * 86_400_000, onItem });
    const deliveries = report.items.filter((i) => i.name === 'drill');
    expect(deliveries.map((i) => [i.at.toISOString(), i.result.status, i.result.day])).toEqual([
      ['2026-03-06T02:00:00.000Z', 'delivered', '2026-03-05'],
      ['2026-03-07T02:00:00.000Z', 'delivered', '2026-03-06'],
      ['2026-03-08T02:00:00.000Z', 'delivered', '2026-03-07'],
      ['2026-03-09T01:00:00.000Z', 'delivered', '2026-03-08'], // EDT from 8 March
      ['2026-03-10T01:00:00.000Z', 'delivered', '2026-03-09'],
      ['2026-03-11T01:00:00.000Z', 'delivered', '2026-03-10'],
      ['2026-03-12T01:00:00.000Z', 'delivered', '2026-03-11'],
    ]);
    // Two new cards a day; the first day's two come back on their due day (3 days later).
    expect(deliveries.map((i) => i.result.cards)).toEqual([2, 2, 2, 4, 4, 4, 4]);
    expect(dms.sent).toHaveLength(7);
    const stats = await drills.drills.reviewTotals(ivy.player);
    expect(stats.total).toBe(22);
    expect(Object.keys(stats.days)).toHaveLength(7);
    // The real BullMQ firing of a slot fast-forward already ran changes nothing.
    const replay = await drillJob.run(context, {
      data: { workspace: place.workspace, player: ivy.player },
      scheduledAt: zonedInstant('2026-03-08', '21:00', NY),
      attempt: 1,
    });
    expect(replay).toMatchObject({ status: 'skipped', reason: 'already-delivered' });
    expect(dms.sent).toHaveLength(7);
  });
});
