/**
 * The core's Scheduler port on BullMQ. Every call is idempotent because every id is derived from
 * what it schedules: one job scheduler per channel, one reveal job per post, one weekly and one
 * monthly close per workspace. Inputs are checked here too, so a bad zone or time is a clear
 * `ScheduleInputError` rather than a cron-parser message.
 */
import type { Queue } from 'bullmq';
import type { Clock, Scheduler } from '../core/quiz/ports.js';
import type { DailySubscription } from '../core/quiz/types.js';
import { systemClock } from '../core/time/clock.js';
import {
  MONTHLY_CLOSE_CRON,
  WEEKLY_CLOSE_CRON,
  checkKey,
  checkTimeZone,
  dailyCron,
} from './cron.js';
import { JobsOptionsError, ScheduleInputError } from './errors.js';
import { dailySchedulerId, periodCloseSchedulerId, revealJobId } from './ids.js';
import type { JobDataMap, JobName } from './types.js';

export interface BullSchedulerOptions {
  /**
   * The bot's clock: a reveal due at `at` (bot time) runs `at − clock.now()` from now. With the
   * console's offset clock that keeps "8 hours after the post" meaning 8 real hours.
   */
  clock?: Clock;
}

export class BullScheduler implements Scheduler {
  private readonly clock: Clock;

  constructor(
    private readonly queue: Queue,
    options: BullSchedulerOptions = {},
  ) {
    if (!queue || typeof queue.upsertJobScheduler !== 'function') {
      throw new JobsOptionsError('queue', 'must be a BullMQ Queue');
    }
    if (options.clock !== undefined && typeof options.clock.now !== 'function') {
      throw new JobsOptionsError('clock', 'must have a now() method');
    }
    this.clock = options.clock ?? systemClock;
  }

  async upsertDaily(sub: DailySubscription): Promise<void> {
    const channel = checkKey('channel', sub.channel);
    const pattern = dailyCron(sub.time);
    const tz = checkTimeZone(sub.timezone);
    const data: JobDataMap['daily'] = { channel };
    await this.upsert(dailySchedulerId(channel), pattern, tz, 'daily', data);
  }

  async removeDaily(channel: string): Promise<void> {
    await this.queue.removeJobScheduler(dailySchedulerId(checkKey('channel', channel)));
  }

  async scheduleReveal(postKey: string, at: Date): Promise<void> {
    checkKey('postKey', postKey);
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
      throw new ScheduleInputError('at', at, 'reveal time must be a valid Date');
    }
    const data: JobDataMap['reveal'] = { postKey };
    // A custom id makes a second call (a retried daily job) a no-op while the first job exists.
    await this.queue.add('reveal' satisfies JobName, data, {
      jobId: revealJobId(postKey),
      delay: Math.max(0, at.getTime() - this.clock.now().getTime()),
    });
  }

  async upsertPeriodClose(workspace: string, timezone: string): Promise<void> {
    checkKey('workspace', workspace);
    const tz = checkTimeZone(timezone);
    for (const [period, pattern] of [
      ['week', WEEKLY_CLOSE_CRON],
      ['month', MONTHLY_CLOSE_CRON],
    ] as const) {
      const data: JobDataMap['period-close'] = { workspace, period };
      await this.upsert(
        periodCloseSchedulerId(workspace, period),
        pattern,
        tz,
        'period-close',
        data,
      );
    }
  }

  /**
   * Creates or changes a job scheduler, and leaves an identical one alone. Re-upserting replaces
   * the pending iteration with one computed from now, so an iteration that is overdue (no worker
   * was running at its time) would be dropped and that day skipped; an unchanged schedule therefore
   * is not touched while its next iteration exists, which makes repeats (a second process, a
   * re-run `daily set`, a start-up sync) harmless.
   */
  private async upsert(
    id: string,
    pattern: string,
    tz: string,
    name: JobName,
    data: JobDataMap[JobName],
  ): Promise<void> {
    await upsertCronScheduler(this.queue, { id, pattern, tz, name, data });
  }
}

/** `BullScheduler.upsert`'s rule for any cron job scheduler (the drill scheduler uses it too). */
export async function upsertCronScheduler(
  queue: Queue,
  s: { id: string; pattern: string; tz: string; name: JobName; data: JobDataMap[JobName] },
): Promise<void> {
  const existing = await queue.getJobScheduler(s.id);
  const same =
    existing?.pattern === s.pattern &&
    existing.tz === s.tz &&
    existing.name === s.name &&
    JSON.stringify(existing.template?.data ?? null) === JSON.stringify(s.data);
  // ...unless its pending iteration is gone (BullMQ failed to add it): then upserting heals it.
  if (same && existing.next && (await queue.getJob(`repeat:${s.id}:${existing.next}`))) return;
  await queue.upsertJobScheduler(
    s.id,
    { pattern: s.pattern, tz: s.tz },
    { name: s.name, data: s.data },
  );
}
