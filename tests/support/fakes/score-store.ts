/**
 * In-memory ScoreStore for unit tests of core; passes the same contract as Redis. It reads the
 * `revealed` flag and writes ratings through the post book it shares with the fake daily store.
 */
import type { RateOutcome, ScoreStore } from '../../../src/core/quiz/ports.js';
import {
  type BoardEntry,
  type PeriodKind,
  RATINGS,
  type Rating,
  type Streak,
} from '../../../src/core/quiz/types.js';
import { previousDay } from '../../../src/core/time/zone.js';
import { type FakePostBook, ratingsOf } from './post-book.js';

interface PlayerState {
  streak: Streak;
  counts: Record<Rating, number>;
}

export interface ArchivedBoard {
  workspace: string;
  period: PeriodKind;
  periodKey: string;
  entries: BoardEntry[];
}

export function createFakeScoreStore(options: { book: FakePostBook }) {
  const { book } = options;
  // Composite keys as JSON arrays: ids may contain any separator.
  const id = (...parts: string[]) => JSON.stringify(parts);
  const boards = new Map<string, Map<string, number>>();
  const names = new Map<string, string>();
  const players = new Map<string, PlayerState>();
  const awards = new Set<string>();
  const closed = new Set<string>();
  const archive: ArchivedBoard[] = [];

  const board = (workspace: string, period: PeriodKind, periodKey: string) => {
    const key = id(workspace, period, period === 'all' ? 'all' : periodKey);
    let scores = boards.get(key);
    if (!scores) boards.set(key, (scores = new Map()));
    return scores;
  };
  const player = (workspace: string, key: string) => {
    let state = players.get(id(workspace, key));
    if (!state) {
      state = {
        streak: { current: 0, best: 0, lastDay: null },
        counts: { knew: 0, partly: 0, missed: 0 },
      };
      players.set(id(workspace, key), state);
    }
    return state;
  };
  const add = (
    workspace: string,
    who: string,
    points: number,
    periods: { week: string; month: string },
  ) => {
    for (const [period, key] of [
      ['week', periods.week],
      ['month', periods.month],
      ['all', 'all'],
    ] as const) {
      const scores = board(workspace, period, key);
      scores.set(who, (scores.get(who) ?? 0) + points);
    }
  };
  const assertPoints = (points: number) => {
    if (!Number.isSafeInteger(points))
      throw new RangeError(`points must be an integer, got ${points}`);
  };
  const sortedLines = (workspace: string, period: PeriodKind, periodKey: string) =>
    [...board(workspace, period, periodKey)]
      .map(([who, points]) => ({ player: who, points, name: names.get(id(workspace, who)) ?? '' }))
      .sort(
        (a, b) => b.points - a.points || (a.player < b.player ? -1 : a.player > b.player ? 1 : 0),
      );

  return {
    /** Final boards in the order they were closed (what Redis keeps in the archive lists). */
    archived: (): ArchivedBoard[] => structuredClone(archive),

    async rate(input): Promise<RateOutcome | null> {
      assertPoints(input.points);
      if (book.posts.get(input.postKey)?.revealed) return null;
      const ratings = ratingsOf(book, input.postKey);
      const old = ratings.get(input.player);
      const periods = old ?? input.periods;
      ratings.set(input.player, {
        rating: input.rating,
        points: input.points,
        week: periods.week,
        month: periods.month,
      });
      names.set(id(input.workspace, input.player), input.name);
      const state = player(input.workspace, input.player);
      const delta = input.points - (old?.points ?? 0);
      if (old) {
        state.counts[old.rating]--;
        state.counts[input.rating]++;
      } else {
        state.counts[input.rating]++;
        const { streak } = state;
        if (streak.lastDay === null || input.day > streak.lastDay) {
          streak.current = streak.lastDay === previousDay(input.day) ? streak.current + 1 : 1;
          streak.best = Math.max(streak.best, streak.current);
          streak.lastDay = input.day;
        }
      }
      if (delta !== 0 || !old) add(input.workspace, input.player, delta, periods);
      return { previous: old?.rating ?? null, delta, streak: { ...state.streak } };
    },

    async award(input) {
      assertPoints(input.points);
      const key = id(input.workspace, input.idempotencyKey);
      if (awards.has(key)) return false;
      awards.add(key);
      names.set(id(input.workspace, input.player), input.name);
      add(input.workspace, input.player, input.points, input.periods);
      return true;
    },

    async top(workspace: string, period: PeriodKind, periodKey: string, n: number) {
      if (!Number.isSafeInteger(n) || n < 0)
        throw new RangeError(`n must be a non-negative integer, got ${n}`);
      const ranked: BoardEntry[] = [];
      for (const line of sortedLines(workspace, period, periodKey).slice(0, n)) {
        const previous = ranked.at(-1);
        ranked.push({
          ...line,
          rank: previous?.points === line.points ? previous.rank : ranked.length + 1,
        });
      }
      return ranked;
    },

    async entry(workspace: string, period: PeriodKind, periodKey: string, who: string) {
      const lines = sortedLines(workspace, period, periodKey);
      const line = lines.find((l) => l.player === who);
      if (!line) return null;
      return { ...line, rank: lines.filter((l) => l.points > line.points).length + 1 };
    },

    async count(workspace: string, period: PeriodKind, periodKey: string) {
      return board(workspace, period, periodKey).size;
    },

    async streak(workspace: string, who: string) {
      return {
        ...(players.get(id(workspace, who))?.streak ?? { current: 0, best: 0, lastDay: null }),
      };
    },

    async ratingCounts(workspace: string, who: string) {
      const counts = players.get(id(workspace, who))?.counts;
      return Object.fromEntries(RATINGS.map((r) => [r, counts?.[r] ?? 0])) as Record<
        Rating,
        number
      >;
    },

    async isPeriodClosed(workspace: string, period: PeriodKind, periodKey: string) {
      return closed.has(id(workspace, period, periodKey));
    },

    async closePeriod(workspace: string, period: PeriodKind, periodKey: string, top: BoardEntry[]) {
      const key = id(workspace, period, periodKey);
      if (closed.has(key)) return false;
      closed.add(key);
      archive.push(structuredClone({ workspace, period, periodKey, entries: top }));
      return true;
    },
  } satisfies ScoreStore & { archived(): ArchivedBoard[] };
}
