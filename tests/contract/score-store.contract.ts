/** The ScoreStore contract, run against every implementation: ratings, streaks, concurrency. */
import { describe, expect, it } from 'vitest';
import { mulberry32, shuffled } from '../../src/core/quiz/rotation.js';
import { RATING_POINTS, RATINGS, type Rating } from '../../src/core/quiz/types.js';
import { runScoreBoardsContract } from './score-boards.contract.js';
import { MONTH, WEEK, pointsOf, postKey, rate } from './score-helpers.js';
import { type MakeStores, CHANNEL, WS, aPost } from './stores.js';

const ALICE = 'slack:user:T1:U1';

export function runScoreStoreContract(name: string, make: MakeStores): void {
  describe(`ScoreStore contract: ${name}`, () => {
    it('counts a first rating on every board, in the counts and the streak', async () => {
      const { scores, daily } = await make();
      const outcome = await rate(scores, { player: ALICE, rating: 'knew', name: '小明' });
      expect(outcome).toEqual({
        previous: null,
        delta: 3,
        streak: { current: 1, best: 1, lastDay: '2025-03-03' },
      });
      expect(await pointsOf(scores, ALICE)).toEqual([3, 3, 3]);
      expect(await scores.entry(WS, 'week', WEEK, ALICE)).toEqual({
        rank: 1,
        player: ALICE,
        name: '小明',
        points: 3,
      });
      expect(await scores.ratingCounts(WS, ALICE)).toEqual({ knew: 1, partly: 0, missed: 0 });
      expect(await daily.ratings(postKey('2025-03-03'))).toEqual(new Map([[ALICE, 'knew']]));
    });

    it('counts a repeated rating once', async () => {
      const { scores } = await make();
      await rate(scores, { player: ALICE, rating: 'knew' });
      const again = await rate(scores, { player: ALICE, rating: 'knew' });
      expect(again).toMatchObject({ previous: 'knew', delta: 0, streak: { current: 1 } });
      expect(await pointsOf(scores, ALICE)).toEqual([3, 3, 3]);
      expect(await scores.ratingCounts(WS, ALICE)).toEqual({ knew: 1, partly: 0, missed: 0 });
    });

    it('moves points by the difference when a rating changes before the reveal', async () => {
      const { scores, daily } = await make();
      await rate(scores, { player: ALICE, rating: 'knew' });
      expect(await rate(scores, { player: ALICE, rating: 'missed', name: 'Alice' })).toEqual({
        previous: 'knew',
        delta: -2,
        streak: { current: 1, best: 1, lastDay: '2025-03-03' },
      });
      expect(await rate(scores, { player: ALICE, rating: 'partly' })).toMatchObject({
        previous: 'missed',
        delta: 1,
      });
      expect(await pointsOf(scores, ALICE)).toEqual([2, 2, 2]);
      expect(await scores.ratingCounts(WS, ALICE)).toEqual({ knew: 0, partly: 1, missed: 0 });
      expect(await daily.ratings(postKey('2025-03-03'))).toEqual(new Map([[ALICE, 'partly']]));
      expect(await scores.count(WS, 'all', 'all')).toBe(1);
    });

    it('refuses ratings once the post is revealed and changes nothing', async () => {
      const { scores, daily } = await make();
      const post = aPost(CHANNEL, '2025-03-03');
      await daily.recordPost(post, 0);
      await rate(scores, { player: ALICE, rating: 'missed' });
      await daily.markRevealed(post.key);
      expect(await rate(scores, { player: ALICE, rating: 'knew' })).toBeNull();
      expect(await rate(scores, { player: 'slack:user:T1:U2', rating: 'knew' })).toBeNull();
      expect(await pointsOf(scores, ALICE)).toEqual([1, 1, 1]);
      expect(await daily.ratings(post.key)).toEqual(new Map([[ALICE, 'missed']]));
      expect(await scores.count(WS, 'week', WEEK)).toBe(1);
    });

    it('moves a changed rating on the boards the first rating counted on', async () => {
      const { scores } = await make();
      await rate(scores, { player: ALICE, rating: 'missed' });
      const next = { week: '2025-W11', month: '2025-04' };
      expect(await rate(scores, { player: ALICE, rating: 'knew', periods: next })).toMatchObject({
        delta: 2,
      });
      expect(await pointsOf(scores, ALICE)).toEqual([3, 3, 3]);
      expect(await scores.count(WS, 'week', next.week)).toBe(0);
      expect(await scores.count(WS, 'month', next.month)).toBe(0);
    });

    it('extends a streak on consecutive days and restarts it after a gap', async () => {
      const { scores } = await make();
      const streakAfter = async (day: string, rating: Rating = 'partly') =>
        (await rate(scores, { player: ALICE, rating, day }))!.streak;
      expect(await streakAfter('2025-02-27')).toEqual({
        current: 1,
        best: 1,
        lastDay: '2025-02-27',
      });
      expect(await streakAfter('2025-02-28')).toEqual({
        current: 2,
        best: 2,
        lastDay: '2025-02-28',
      });
      expect(await streakAfter('2025-03-01')).toEqual({
        current: 3,
        best: 3,
        lastDay: '2025-03-01',
      });
      expect(await streakAfter('2025-03-01', 'knew')).toEqual({
        current: 3,
        best: 3,
        lastDay: '2025-03-01',
      });
      expect(await streakAfter('2025-03-03')).toEqual({
        current: 1,
        best: 3,
        lastDay: '2025-03-03',
      });
      expect(await streakAfter('2025-03-04')).toEqual({
        current: 2,
        best: 3,
        lastDay: '2025-03-04',
      });
      expect(await scores.streak(WS, ALICE)).toEqual({
        current: 2,
        best: 3,
        lastDay: '2025-03-04',
      });
    });

    it('counts a second post of the same day and a late rating of an older post without moving the streak', async () => {
      const { scores } = await make();
      await rate(scores, { player: ALICE, rating: 'knew', day: '2025-03-03' });
      await rate(scores, { player: ALICE, rating: 'knew', day: '2025-03-04' });
      const manual = `${CHANNEL}|2025-03-04~k1`;
      expect(
        (await rate(scores, { player: ALICE, rating: 'knew', day: '2025-03-04', post: manual }))!
          .streak.current,
      ).toBe(2);
      const late = await rate(scores, { player: ALICE, rating: 'missed', day: '2025-03-02' });
      expect(late).toEqual({
        previous: null,
        delta: 1,
        streak: { current: 2, best: 2, lastDay: '2025-03-04' },
      });
      expect(await pointsOf(scores, ALICE)).toEqual([10, 10, 10]);
      expect(await scores.ratingCounts(WS, ALICE)).toEqual({ knew: 3, partly: 0, missed: 1 });
    });

    it('has an empty streak and no counts for someone who never rated', async () => {
      const { scores } = await make();
      expect(await scores.streak(WS, ALICE)).toEqual({ current: 0, best: 0, lastDay: null });
      expect(await scores.ratingCounts(WS, ALICE)).toEqual({ knew: 0, partly: 0, missed: 0 });
    });

    it('counts each of 200 users once under 500 concurrent ratings with duplicates', async () => {
      const { scores, daily } = await make();
      const random = mulberry32(42);
      const users = Array.from({ length: 200 }, (_, i) => `discord:user:${1000 + i}`);
      const players = [
        ...users,
        ...Array.from({ length: 300 }, () => users[Math.floor(random() * users.length)]!),
      ];
      const calls = shuffled(players, 'concurrency').map((player) => ({
        player,
        rating: RATINGS[Math.floor(random() * 3)]!,
      }));
      const outcomes = await Promise.all(calls.map((call) => rate(scores, call)));

      const final = await daily.ratings(postKey('2025-03-03'));
      expect(final.size).toBe(200);
      const expected = [...final.values()].reduce((sum, r) => sum + RATING_POINTS[r], 0);
      expect(outcomes.reduce((sum, o) => sum + o!.delta, 0)).toBe(expected);
      expect(outcomes.filter((o) => o!.previous === null)).toHaveLength(200);
      for (const [period, key] of [
        ['week', WEEK],
        ['month', MONTH],
        ['all', 'all'],
      ] as const) {
        expect(await scores.count(WS, period, key)).toBe(200);
        const board = await scores.top(WS, period, key, 500);
        expect(board.reduce((sum, e) => sum + e.points, 0)).toBe(expected);
        for (const entry of board)
          expect(entry.points).toBe(RATING_POINTS[final.get(entry.player)!]);
      }
      const perUser = await Promise.all(
        users.map(
          async (u) => [await scores.ratingCounts(WS, u), await scores.streak(WS, u)] as const,
        ),
      );
      perUser.forEach(([counts, streak], i) => {
        expect(counts).toEqual({ knew: 0, partly: 0, missed: 0, [final.get(users[i]!)!]: 1 });
        expect(streak).toEqual({ current: 1, best: 1, lastDay: '2025-03-03' });
      });
    });

    runScoreBoardsContract(make);
  });
}
