import { describe, expect, it } from 'vitest';
import { parseMinutes } from '../../../src/platforms/console/handlers/daily-set.js';
import { parseStep } from '../../../src/platforms/console/session-commands/clock.js';

describe('console argument parsing', () => {
  it.each([
    ['+1d', 86_400_000],
    ['+2h', 7_200_000],
    ['+30m', 1_800_000],
    ['+1d2h30m', 95_400_000],
  ])('/clock %s', (text, ms) => expect(parseStep(text)).toBe(ms));

  it.each(['1d', '-1d', '+0m', '+1w', '+', 'tomorrow'])('/clock %s is refused', (text) =>
    expect(parseStep(text)).toBeNull(),
  );

  it.each([
    ['8h', 480],
    ['90m', 90],
    ['1h30m', 90],
    ['1h 30m', 90],
    ['45', 45],
    ['2H', 120],
  ])('reveal-after:%s', (text, minutes) => expect(parseMinutes(text)).toBe(minutes));

  it.each(['soon', '', 'h', '1.5h', '-2h'])('reveal-after:%s is not a duration', (text) =>
    expect(parseMinutes(text)).toBeNull(),
  );
});
