/** The board half of the ScoreStore contract: awards, ordering and ranks, closing, isolation. */
import { describe, expect, it } from 'vitest';
import type { ScoreStore } from '../../src/core/quiz/ports.js';
import { MONTH, WEEK, pointsOf, postKey, rate } from './score-helpers.js';
import { type MakeStores, OTHER_WS, WS } from './stores.js';

const periods = { week: WEEK, month: MONTH };

function award(
  scores: ScoreStore,
  player: string,
  points: number,
  idempotencyKey = `k-${player}-${points}`,
  workspace = WS,
) {
  return scores.award({
    workspace,
    player,
    name: player.toUpperCase(),
    points,
    periods,
    idempotencyKey,
  });
}

export function runScoreBoardsContract(make: MakeStores): void {
  describe('boards', () => {
    it('awards points once per idempotency key', async () => {
      const { scores } = await make();
      expect(await award(scores, 'p:a', 5, 'comp:1:p:a')).toBe(true);
      expect(await award(scores, 'p:a', 5, 'comp:1:p:a')).toBe(false);
      expect(await award(scores, 'p:a', 2, 'comp:2:p:a')).toBe(true);
      expect(await pointsOf(scores, 'p:a')).toEqual([7, 7, 7]);
      expect(await scores.entry(WS, 'all', 'all', 'p:a')).toEqual({
        rank: 1,
        player: 'p:a',
        name: 'P:A',
        points: 7,
      });
    });

    it('orders by points, then player key; ties share a rank; the cut at n is exact', async () => {
      const { scores } = await make();
      for (const [player, points] of [
        ['p:d', 3],
        ['p:a', 5],
        ['p:c', 3],
        ['p:e', 1],
        ['p:b', 3],
      ] as const) {
        await award(scores, player, points);
      }
      const line = (rank: number, player: string, points: number) => ({
        rank,
        player,
        name: player.toUpperCase(),
        points,
      });
      expect(await scores.top(WS, 'week', WEEK, 3)).toEqual([
        line(1, 'p:a', 5),
        line(2, 'p:b', 3),
        line(2, 'p:c', 3),
      ]);
      expect(await scores.top(WS, 'month', MONTH, 10)).toEqual([
        line(1, 'p:a', 5),
        line(2, 'p:b', 3),
        line(2, 'p:c', 3),
        line(2, 'p:d', 3),
        line(5, 'p:e', 1),
      ]);
      expect(await scores.top(WS, 'all', 'all', 1)).toEqual([line(1, 'p:a', 5)]);
      expect(await scores.top(WS, 'all', 'all', 0)).toEqual([]);
      expect(await scores.entry(WS, 'week', WEEK, 'p:d')).toEqual(line(2, 'p:d', 3));
      expect(await scores.entry(WS, 'week', WEEK, 'p:e')).toEqual(line(5, 'p:e', 1));
      expect(await scores.entry(WS, 'week', WEEK, 'p:z')).toBeNull();
      expect(await scores.count(WS, 'week', WEEK)).toBe(5);
    });

    it('keeps periods apart and is empty for a period nobody scored in', async () => {
      const { scores } = await make();
      await award(scores, 'p:a', 4);
      expect(await scores.top(WS, 'week', '2025-W11', 10)).toEqual([]);
      expect(await scores.count(WS, 'month', '2025-04')).toBe(0);
      expect(await scores.entry(WS, 'week', '2025-W11', 'p:a')).toBeNull();
    });

    it('shows the latest display name', async () => {
      const { scores } = await make();
      await rate(scores, { player: 'p:a', rating: 'knew', name: 'Old' });
      await rate(scores, {
        player: 'p:a',
        rating: 'knew',
        name: '新名字',
        post: postKey('2025-03-04'),
      });
      expect((await scores.top(WS, 'all', 'all', 1))[0]?.name).toBe('新名字');
    });

    it('closes a period once', async () => {
      const { scores } = await make();
      await award(scores, 'p:a', 4);
      const top = await scores.top(WS, 'week', WEEK, 10);
      expect(await scores.isPeriodClosed(WS, 'week', WEEK)).toBe(false);
      expect(await scores.closePeriod(WS, 'week', WEEK, top)).toBe(true);
      expect(await scores.isPeriodClosed(WS, 'week', WEEK)).toBe(true);
      expect(await scores.isPeriodClosed(OTHER_WS, 'week', WEEK)).toBe(false);
      expect(await scores.closePeriod(WS, 'week', WEEK, top)).toBe(false);
      expect(await scores.closePeriod(WS, 'month', MONTH, [])).toBe(true);
      expect(await scores.closePeriod(WS, 'week', '2025-W11', [])).toBe(true);
      expect(await scores.closePeriod(OTHER_WS, 'week', WEEK, [])).toBe(true);
    });

    it('keeps workspaces apart: same player, same keys, separate boards, streaks and counts', async () => {
      const { scores } = await make();
      const player = 'console:user:me';
      await rate(scores, { player, rating: 'knew', workspace: WS });
      await rate(scores, {
        player,
        rating: 'missed',
        workspace: OTHER_WS,
        post: postKey('2025-03-03', 'discord:channel:9'),
      });
      await rate(scores, {
        player,
        rating: 'missed',
        workspace: OTHER_WS,
        day: '2025-03-04',
        post: postKey('2025-03-04', 'discord:channel:9'),
      });
      expect(await pointsOf(scores, player, WS)).toEqual([3, 3, 3]);
      expect(await pointsOf(scores, player, OTHER_WS)).toEqual([2, 2, 2]);
      expect(await scores.streak(WS, player)).toMatchObject({ current: 1 });
      expect(await scores.streak(OTHER_WS, player)).toMatchObject({ current: 2 });
      expect(await scores.ratingCounts(WS, player)).toEqual({ knew: 1, partly: 0, missed: 0 });
      expect(await scores.ratingCounts(OTHER_WS, player)).toEqual({
        knew: 0,
        partly: 0,
        missed: 2,
      });
      expect(await award(scores, player, 1, 'same-key', WS)).toBe(true);
      expect(await award(scores, player, 1, 'same-key', OTHER_WS)).toBe(true);
      expect(await scores.top(OTHER_WS, 'all', 'all', 10)).toHaveLength(1);
      expect(await scores.closePeriod(WS, 'week', WEEK, [])).toBe(true);
      expect(await scores.closePeriod(OTHER_WS, 'week', WEEK, [])).toBe(true);
    });

    it('rejects points that are not integers', async () => {
      const { scores } = await make();
      await expect(award(scores, 'p:a', 1.5)).rejects.toThrow(RangeError);
    });
  });
}
