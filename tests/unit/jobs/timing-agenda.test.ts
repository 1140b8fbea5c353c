/** Pure parts of the jobs layer: a job's scheduled time, the fast-forward agenda, retry delays. */
import { describe, expect, it } from 'vitest';
import {
  byDueTime,
  dailyFirings,
  nextDailyFiring,
  periodCloses,
} from '../../../src/jobs/agenda.js';
import { DEFAULT_RETRY, retryDelay } from '../../../src/jobs/policy.js';
import { scheduledTimeOf } from '../../../src/jobs/timing.js';
import { subscription } from '../../support/jobs-harness.js';

describe('scheduledTimeOf', () => {
  const slot = Date.parse('2025-03-10T01:30:00Z');
  it('reads the cron slot from a scheduler iteration, however late it runs', () => {
    const job = {
      id: `repeat:daily-console_ch_001-abc:${slot}`,
      repeatJobKey: 'daily-console_ch_001-abc',
      timestamp: slot + 3 * 3_600_000, // created, retried, processed hours later
      opts: { delay: 0 },
      data: { channel: 'c' },
    };
    expect(scheduledTimeOf(job)).toEqual(new Date(slot));
  });
  it('prefers an explicit scheduledAt', () => {
    expect(
      scheduledTimeOf({ timestamp: 1, opts: {}, data: { scheduledAt: '2025-03-10T01:30:00Z' } }),
    ).toEqual(new Date(slot));
  });
  it('falls back to added time plus delay', () => {
    expect(
      scheduledTimeOf({ id: 'reveal-x', timestamp: slot, opts: { delay: 60_000 }, data: {} }),
    ).toEqual(new Date(slot + 60_000));
  });
});

describe('agenda', () => {
  it('finds every daily firing in (from, to], also for afternoon times and across DST', () => {
    const sub = subscription(1, { time: '18:00', timezone: 'America/New_York' });
    const from = new Date('2025-03-07T00:00:00Z');
    const firings = dailyFirings(sub, from, new Date('2025-03-12T00:00:00Z')).map((i) =>
      i.at.toISOString(),
    );
    expect(firings).toEqual([
      '2025-03-07T23:00:00.000Z',
      '2025-03-08T23:00:00.000Z',
      '2025-03-09T22:00:00.000Z', // EDT from 9 March
      '2025-03-10T22:00:00.000Z',
      '2025-03-11T22:00:00.000Z',
    ]);
    // A firing exactly at `from` is not in the window; one exactly at `to` is.
    expect(nextDailyFiring(sub, new Date('2025-03-07T23:00:00Z')).toISOString()).toBe(
      '2025-03-08T23:00:00.000Z',
    );
    expect(dailyFirings(sub, from, new Date('2025-03-07T23:00:00Z'))).toHaveLength(1);
  });

  it('closes weeks on Monday 00:00 and months on the 1st 00:00 in the workspace zone', () => {
    const closes = periodCloses(
      'ws',
      'Asia/Shanghai',
      new Date('2025-02-28T00:00:00Z'),
      new Date('2025-03-11T00:00:00Z'),
    );
    expect(closes.map((c) => [c.at.toISOString(), c.data])).toEqual([
      ['2025-02-28T16:00:00.000Z', { workspace: 'ws', period: 'month' }], // 1 March 00:00 +08
      ['2025-03-02T16:00:00.000Z', { workspace: 'ws', period: 'week' }], // Monday 3 March
      ['2025-03-09T16:00:00.000Z', { workspace: 'ws', period: 'week' }],
    ]);
  });

  it('orders closes before reveals before posts at the same instant', () => {
    const at = new Date(0);
    const items = [
      { at, name: 'daily' as const, data: { channel: 'c' } },
      { at, name: 'reveal' as const, data: { postKey: 'k' } },
      { at, name: 'period-close' as const, data: { workspace: 'w', period: 'week' as const } },
    ];
    expect(items.sort(byDueTime).map((i) => i.name)).toEqual(['period-close', 'reveal', 'daily']);
  });
});

describe('retryDelay', () => {
  const delay = retryDelay(DEFAULT_RETRY);
  it('waits a fraction of the lease while a claim is busy', () => {
    const busy = Object.assign(new Error('busy'), { name: 'ClaimBusyError' });
    for (const attempt of [1, 5, 11]) {
      expect(delay(attempt, 'quizbot', busy)).toBeGreaterThanOrEqual(
        DEFAULT_RETRY.busyDelayMs * 0.8,
      );
      expect(delay(attempt, 'quizbot', busy)).toBeLessThanOrEqual(DEFAULT_RETRY.busyDelayMs * 1.2);
    }
  });
  it('doubles otherwise, up to the cap', () => {
    const error = new Error('ECONNREFUSED');
    expect(delay(1, 'quizbot', error)).toBeLessThanOrEqual(DEFAULT_RETRY.baseDelayMs * 1.2);
    expect(delay(4, 'quizbot', error)).toBeGreaterThanOrEqual(DEFAULT_RETRY.baseDelayMs * 8 * 0.8);
    expect(delay(40, 'quizbot', error)).toBeLessThanOrEqual(DEFAULT_RETRY.maxDelayMs * 1.2);
  });
});
