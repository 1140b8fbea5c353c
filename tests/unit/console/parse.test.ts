import { describe, expect, it } from 'vitest';
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
});
