/**
 * The Scheduler port on BullMQ: what it creates in Redis, that every call is idempotent, and that
 * bad input (cron time, zone, keys) and bad options are rejected before anything is written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobsOptionsError, ScheduleInputError } from '../../../src/jobs/errors.js';
import {
  dailySchedulerId,
  periodCloseSchedulerId,
  revealJobId,
  safeId,
} from '../../../src/jobs/ids.js';
import { silentLogger } from '../../../src/jobs/observe.js';
import { createJobQueue } from '../../../src/jobs/queue.js';
import { BullScheduler } from '../../../src/jobs/scheduler.js';
import { createQuizWorker } from '../../../src/jobs/worker.js';
import { eventually, jobsWorld, subscription, type JobsWorld } from '../../support/jobs-harness.js';

let world: JobsWorld;
beforeEach(async () => {
  world = await jobsWorld({ label: 'sched' });
});
afterEach(async () => {
  await world.cleanup();
});

describe('BullScheduler.upsertDaily', () => {
  it('creates one job scheduler per channel with a daily cron in the subscription zone', async () => {
    const sub = subscription(1, { time: '09:30', timezone: 'Asia/Shanghai' });
    await world.scheduler.upsertDaily(sub);
    await world.scheduler.upsertDaily(sub); // a second `daily set` or a second process
    const schedulers = await world.queue.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({
      key: dailySchedulerId(sub.channel),
      name: 'daily',
      pattern: '30 9 * * *',
      tz: 'Asia/Shanghai',
      template: { data: { channel: sub.channel } },
    });
    // Its next firing is the next 09:30 in Shanghai (01:30 UTC).
    const next = new Date(schedulers[0]!.next!);
    expect(next.getUTCHours()).toBe(1);
    expect(next.getUTCMinutes()).toBe(30);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
  });

  it('replaces the time and zone on a later upsert, and removes it', async () => {
    await world.scheduler.upsertDaily(
      subscription(1, { time: '09:30', timezone: 'Asia/Shanghai' }),
    );
    await world.scheduler.upsertDaily(subscription(1, { time: '7:05', timezone: 'Europe/Berlin' }));
    const [only, ...rest] = await world.queue.getJobSchedulers();
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ pattern: '5 7 * * *', tz: 'Europe/Berlin' });
    // Exactly one pending firing, the new one.
    const delayed = await world.queue.getDelayed();
    expect(delayed.map((j) => j.name)).toEqual(['daily']);

    await world.scheduler.removeDaily(subscription(1, { time: '7:05', timezone: 'UTC' }).channel);
    expect(await world.queue.getJobSchedulersCount()).toBe(0);
    expect(await world.queue.getDelayedCount()).toBe(0);
  });

  it.each([['25:00'], ['9:60'], ['0930'], [''], ['9:5'], ['12:00pm'], ['-1:00']])(
    'rejects the time %j with a ScheduleInputError and writes nothing',
    async (time) => {
      const error = await world.scheduler
        .upsertDaily(subscription(1, { time, timezone: 'UTC' }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ScheduleInputError);
      expect(error).toMatchObject({ code: 'SCHEDULE_INPUT_INVALID', field: 'time', value: time });
      expect((error as Error).message).toMatch(/HH:MM/);
      expect(await world.queue.getJobSchedulersCount()).toBe(0);
    },
  );

  it.each([['Mars/Olympus'], [''], ['Asia/Shang hai'], ['GMT+25'], ['x'.repeat(100)]])(
    'rejects the zone %j with a ScheduleInputError and writes nothing',
    async (timezone) => {
      const error = await world.scheduler
        .upsertDaily(subscription(1, { time: '09:00', timezone }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ScheduleInputError);
      expect(error).toMatchObject({ field: 'timezone' });
      expect((error as Error).message).toMatch(/IANA/);
      expect(await world.queue.getJobSchedulersCount()).toBe(0);
    },
  );

  it('rejects an empty channel key', async () => {
    await expect(
      world.scheduler.upsertDaily(
        subscription(1, { time: '09:00', timezone: 'UTC', channel: ' ' }),
      ),
    ).rejects.toMatchObject({ field: 'channel' });
  });
});

describe('BullScheduler.upsertPeriodClose', () => {
  it('creates a weekly (Monday 00:00) and a monthly (1st 00:00) close in the workspace zone, once', async () => {
    await world.scheduler.upsertPeriodClose('slack:team:T1', 'America/New_York');
    await world.scheduler.upsertPeriodClose('slack:team:T1', 'America/New_York');
    const schedulers = await world.queue.getJobSchedulers(0, -1, true);
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz, s.template?.data]).sort()).toEqual(
      [
        [
          periodCloseSchedulerId('slack:team:T1', 'month'),
          '0 0 1 * *',
          'America/New_York',
          { workspace: 'slack:team:T1', period: 'month' },
        ],
        [
          periodCloseSchedulerId('slack:team:T1', 'week'),
          '0 0 * * 1',
          'America/New_York',
          { workspace: 'slack:team:T1', period: 'week' },
        ],
      ].sort(),
    );
    const week = schedulers.find((s) => s.key === periodCloseSchedulerId('slack:team:T1', 'week'))!;
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(week.next!));
    expect(local).toBe('Mon 00:00');
  });

  it('rejects a bad zone', async () => {
    await expect(world.scheduler.upsertPeriodClose('ws', 'Nowhere/City')).rejects.toBeInstanceOf(
      ScheduleInputError,
    );
    expect(await world.queue.getJobSchedulersCount()).toBe(0);
  });
});

describe('BullScheduler.scheduleReveal', () => {
  it('adds one delayed job per post key, however often it is asked', async () => {
    const at = new Date(Date.now() + 3_600_000);
    const key = 'discord:guild:1:channel:2|2025-03-01';
    await world.scheduler.scheduleReveal(key, at);
    await world.scheduler.scheduleReveal(key, new Date(at.getTime() + 5_000)); // a retried post
    const delayed = await world.queue.getDelayed();
    expect(delayed).toHaveLength(1);
    expect(delayed[0]!.id).toBe(revealJobId(key));
    expect(delayed[0]!.data).toEqual({ postKey: key });
    expect(delayed[0]!.opts.delay).toBeGreaterThan(3_590_000);
    expect(delayed[0]!.opts.delay).toBeLessThanOrEqual(3_600_000);
  });

  it('rejects an invalid date or an empty key', async () => {
    await expect(world.scheduler.scheduleReveal('k', new Date(Number.NaN))).rejects.toMatchObject({
      field: 'at',
    });
    await expect(world.scheduler.scheduleReveal('', new Date())).rejects.toMatchObject({
      field: 'postKey',
    });
  });
});

describe('ids', () => {
  it('are free of ":" and distinct for keys that differ only in separators', () => {
    const keys = ['a:b', 'a_b', 'a|b', 'a b', '频道:1', 'discord:guild:1:channel:2|2025-03-01'];
    const ids = keys.map((k) => safeId('daily', k));
    for (const id of ids) expect(id).toMatch(/^daily-[A-Za-z0-9_.-]+$/);
    expect(new Set(ids).size).toBe(keys.length);
    expect(safeId('daily', 'a:b')).toBe(safeId('daily', 'a:b'));
  });
});

describe('options are checked at construction', () => {
  const base = () => ({
    redisUrl: world.redis.url,
    prefix: world.prefix,
    context: { deps: world.deps, catalog: world.catalog },
    logger: silentLogger,
    autorun: false,
  });

  it.each([
    [{ concurrency: 0 }, 'concurrency'],
    [{ concurrency: 1.5 }, 'concurrency'],
    [{ lockDurationMs: 10 }, 'lockDurationMs'],
    [{ maxStalledCount: -1 }, 'maxStalledCount'],
    [{ retry: { attempts: 0 } }, 'retry.attempts'],
    [{ retry: { baseDelayMs: 1000, maxDelayMs: 10 } }, 'retry.maxDelayMs'],
    [{ name: 'quiz:jobs' }, 'name'],
    [{ prefix: 'bad prefix' }, 'prefix'],
    [{ redisUrl: 'http://127.0.0.1:6379' }, 'redisUrl'],
  ] as const)('worker %j → %s', (override, option) => {
    const error = (() => {
      try {
        createQuizWorker({ ...base(), ...override });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(JobsOptionsError);
    expect(error).toMatchObject({ code: 'JOBS_OPTIONS_INVALID', option });
  });

  it('rejects a bad queue and a scheduler without one', () => {
    expect(() =>
      createJobQueue({
        redisUrl: world.redis.url,
        prefix: world.prefix,
        name: 'a:b',
        logger: silentLogger,
      }),
    ).toThrow(JobsOptionsError);
    expect(() => new BullScheduler(undefined as never)).toThrow(JobsOptionsError);
  });
});

describe('jobs that can never succeed fail at once', () => {
  it('bad data and unknown names are not retried', async () => {
    const worker = world.startWorker();
    const bad = await world.queue.add('daily', { nope: true });
    const unknown = await world.queue.add('no-such-job', {});
    await eventually('both jobs failed', async () => (await world.queue.getFailedCount()) === 2);
    for (const id of [bad.id!, unknown.id!]) {
      const job = (await world.queue.getJob(id))!;
      expect(job.attemptsMade).toBe(1);
      expect(job.opts.attempts).toBeGreaterThan(1);
    }
    expect((await world.queue.getJob(bad.id!))!.failedReason).toMatch(/channel/);
    await worker.close();
  });
});
