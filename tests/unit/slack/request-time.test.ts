/** The replay window of signed requests: five minutes either side of now. */
import { describe, expect, it } from 'vitest';
import { checkRequestTime } from '../../../src/platforms/slack/request-time.js';

const now = 1_700_000_000_000;
const at = (seconds: number) => String(now / 1000 + seconds);

describe('checkRequestTime', () => {
  it.each([
    [at(0), 'ok'],
    [at(300), 'ok'],
    [at(-300), 'ok'],
    [at(301), 'future'],
    [at(3600), 'future'],
    [at(-301), 'stale'],
    ['', 'missing'],
    ['12.5', 'missing'],
    ['soon', 'missing'],
    [undefined, 'missing'],
    [[at(0), at(0)], 'missing'],
  ] as const)('%s → %s', (header, expected) => {
    expect(checkRequestTime(header as string | string[] | undefined, now)).toBe(expected);
  });
});
