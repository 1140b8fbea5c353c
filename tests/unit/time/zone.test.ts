import { describe, expect, it } from 'vitest';
import { nextFiring } from '../../../src/core/quiz/daily.js';
import {
  dayKey,
  isValidTimeZone,
  monthKey,
  previousDay,
  weekKey,
  zonedInstant,
} from '../../../src/core/time/zone.js';

describe('time zones', () => {
  it('validates IANA names', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('finds the local day, week and month of an instant', () => {
    const at = new Date('2026-11-29T17:00:00Z'); // Monday 01:00 in Shanghai, Sunday in UTC
    expect(dayKey(at, 'Asia/Shanghai')).toBe('2026-11-30');
    expect(dayKey(at, 'UTC')).toBe('2026-11-29');
    expect(weekKey(at, 'Asia/Shanghai')).toBe('2026-W49');
    expect(weekKey(at, 'UTC')).toBe('2026-W48');
    expect(monthKey(new Date('2026-11-30T20:00:00Z'), 'Asia/Shanghai')).toBe('2026-12');
    expect(weekKey(new Date('2027-01-01T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(weekKey(new Date('2026-01-01T12:00:00Z'), 'UTC')).toBe('2026-W01');
  });

  it('steps back a day across month and year ends', () => {
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
    expect(previousDay('2027-01-01')).toBe('2026-12-31');
  });

  it('turns a wall-clock time into an instant, also across DST', () => {
    expect(zonedInstant('2026-11-26', '09:30', 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-26T01:30:00.000Z',
    );
    expect(zonedInstant('2026-07-01', '09:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-07-01T07:30:00.000Z',
    );
    expect(zonedInstant('2026-12-01', '09:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-12-01T08:30:00.000Z',
    );
    // 02:30 does not exist on 2026-03-29 in Berlin (clocks jump 02:00 → 03:00): it moves forward.
    expect(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 02:30 happens twice on 2026-10-25: the earlier one is taken.
    expect(zonedInstant('2026-10-25', '02:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('computes the next firing of a daily subscription', () => {
    const sub = { time: '09:30', timezone: 'Asia/Shanghai' };
    expect(nextFiring(sub, new Date('2026-11-26T01:00:00Z')).toISOString()).toBe(
      '2026-11-26T01:30:00.000Z',
    );
    expect(nextFiring(sub, new Date('2026-11-26T01:30:00Z')).toISOString()).toBe(
      '2026-11-27T01:30:00.000Z',
    );
    // After noon: the next firing is tomorrow, not the day after.
    const evening = { time: '18:00', timezone: 'Asia/Shanghai' };
    expect(nextFiring(evening, new Date('2026-11-26T11:00:00Z')).toISOString()).toBe(
      '2026-11-27T10:00:00.000Z',
    );
    const berlin = { time: '09:00', timezone: 'Europe/Berlin' };
    expect(nextFiring(berlin, new Date('2026-03-28T09:00:00Z')).toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
  });
});
