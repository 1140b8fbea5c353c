import { describe, expect, it } from 'vitest';
import type { RoundAnswer } from '../../../src/core/competitions/model.js';
import {
  boardPoints,
  fastestCorrect,
  roundPoints,
  standingsOf,
} from '../../../src/core/competitions/scoring.js';

const answer = (player: string, fields: Partial<RoundAnswer> = {}): RoundAnswer => ({
  player,
  name: player.toUpperCase(),
  answer: 'b',
  correct: true,
  points: 900,
  elapsedMs: 1_000,
  ...fields,
});

describe('roundPoints', () => {
  it('gives 1000 at the opening, falling linearly to 500 at the deadline', () => {
    expect(roundPoints(true, 0, 30_000)).toBe(1000);
    expect(roundPoints(true, 15_000, 30_000)).toBe(750);
    expect(roundPoints(true, 3_000, 30_000)).toBe(950);
    expect(roundPoints(true, 30_000, 30_000)).toBe(500);
  });

  it('scores faster answers more, to the millisecond', () => {
    expect(roundPoints(true, 4_000, 30_000)).toBeGreaterThan(roundPoints(true, 4_100, 30_000));
  });

  it('gives nothing for a wrong answer however fast', () => {
    expect(roundPoints(false, 0, 30_000)).toBe(0);
    expect(roundPoints(false, 29_000, 30_000)).toBe(0);
  });

  it('clamps times outside the round (clock skew) to its ends', () => {
    expect(roundPoints(true, -50, 30_000)).toBe(1000);
    expect(roundPoints(true, 31_000, 30_000)).toBe(500);
  });
});

describe('boardPoints', () => {
  it('turns a competition total into board points, 2 to 4 per right answer', () => {
    expect(boardPoints(0)).toBe(0);
    expect(boardPoints(500)).toBe(2);
    expect(boardPoints(1000)).toBe(4);
    expect(boardPoints(3_770)).toBe(15);
  });
});

describe('standingsOf', () => {
  it('sums each player over rounds, most points first, equal points sharing a rank', () => {
    const standings = standingsOf([
      [
        answer('bob', { points: 900 }),
        answer('amy', { points: 800 }),
        answer('cat', { correct: false, points: 0 }),
      ],
      [answer('amy', { points: 100 }), answer('cat', { points: 900 })],
    ]);
    expect(standings).toEqual([
      { rank: 1, player: 'amy', name: 'AMY', points: 900, correct: 2, answered: 2 },
      { rank: 1, player: 'bob', name: 'BOB', points: 900, correct: 1, answered: 1 },
      { rank: 1, player: 'cat', name: 'CAT', points: 900, correct: 1, answered: 2 },
    ]);
    expect(
      standingsOf([[answer('z', { points: 5 }), answer('y', { points: 9 })], []]).map((s) => [
        s.player,
        s.rank,
      ]),
    ).toEqual([
      ['y', 1],
      ['z', 2],
    ]);
  });
});

describe('fastestCorrect', () => {
  it('lists right answers by time, wrong ones never', () => {
    const answers = [
      answer('a', { elapsedMs: 3_000 }),
      answer('b', { elapsedMs: 500, correct: false, points: 0 }),
      answer('c', { elapsedMs: 1_000 }),
      answer('d', { elapsedMs: 2_000 }),
      answer('e', { elapsedMs: 1_000 }),
    ];
    expect(fastestCorrect(answers, 3).map((a) => a.player)).toEqual(['c', 'e', 'd']);
  });
});
