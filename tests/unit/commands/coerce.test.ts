import { describe, expect, it } from 'vitest';
import { parseMinutes, splitTags } from '../../../src/commands/handlers/coerce.js';

describe('parseMinutes (reveal-after)', () => {
  it.each([
    ['8h', 480],
    ['90m', 90],
    ['90min', 90],
    ['1h30m', 90],
    ['1h 30m', 90],
    ['45', 45],
    [' 45 ', 45],
    ['2H', 120],
  ])('%s is %i minutes', (text, minutes) => expect(parseMinutes(text)).toBe(minutes));

  it.each(['soon', '', ' ', 'h', '1.5h', '-2h', '30m1h', '8 hours'])(
    '"%s" is not a duration',
    (text) => expect(parseMinutes(text)).toBeNull(),
  );
});

describe('splitTags', () => {
  it.each([
    ['DL,ML', ['DL', 'ML']],
    ['DL, ML', ['DL', 'ML']],
    ['DL ML', ['DL', 'ML']],
    ['DL，ML', ['DL', 'ML']],
    ['DL、ML', ['DL', 'ML']],
    [',DL,,', ['DL']],
    ['', []],
  ])('%s', (text, tags) => expect(splitTags(text)).toEqual(tags));

  it('no option is no tags', () => expect(splitTags(undefined)).toEqual([]));
});
