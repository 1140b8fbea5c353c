import { dayKey, monthKey, previousDay, weekKey } from '../time/zone.js';
import type { QuizDeps } from './ports.js';
import { PERIODS, type PeriodKind, RATINGS, type Rating, type Streak } from './types.js';
import type { LeaderboardView, StatsNotice } from './views.js';

export const BOARD_SIZE = 10;

/** The key of the period an instant falls in, in the workspace's zone (`all` for all-time). */
export function periodKey(period: PeriodKind, at: Date, zone: string): string {
  if (period === 'week') return weekKey(at, zone);
  if (period === 'month') return monthKey(at, zone);
  return 'all';
}

async function zoneOf(deps: QuizDeps, workspace: string): Promise<string> {
  return (await deps.workspaces.timezone(workspace)) ?? 'UTC';
}

/** `/quiz leaderboard [period]`: the top ten and the caller's own line. */
export async function leaderboard(
  deps: QuizDeps,
  input: { workspace: string; period: PeriodKind; player?: string; periodKey?: string },
): Promise<LeaderboardView> {
  const key =
    input.periodKey ??
    periodKey(input.period, deps.clock.now(), await zoneOf(deps, input.workspace));
  const entries = await deps.scores.top(input.workspace, input.period, key, BOARD_SIZE);
  const own =
    input.player && !entries.some((e) => e.player === input.player)
      ? await deps.scores.entry(input.workspace, input.period, key, input.player)
      : null;
  return {
    kind: 'leaderboard',
    workspace: input.workspace,
    period: input.period,
    periodKey: key,
    entries,
    caller: own,
    players: await deps.scores.count(input.workspace, input.period, key),
    final: false,
  };
}

/** `/quiz stats [user]`: points and rank per period, streak, and how they rated themselves. */
export async function playerStats(
  deps: QuizDeps,
  input: { workspace: string; player: string; name: string },
): Promise<StatsNotice> {
  const zone = await zoneOf(deps, input.workspace);
  const now = deps.clock.now();
  const points = {} as Record<PeriodKind, number>;
  const ranks = {} as Record<PeriodKind, number | null>;
  for (const period of PERIODS) {
    const entry = await deps.scores.entry(
      input.workspace,
      period,
      periodKey(period, now, zone),
      input.player,
    );
    points[period] = entry?.points ?? 0;
    ranks[period] = entry?.rank ?? null;
  }
  const counts = await deps.scores.ratingCounts(input.workspace, input.player);
  const ratings = Object.fromEntries(RATINGS.map((r) => [r, counts[r] ?? 0])) as Record<
    Rating,
    number
  >;
  return {
    code: 'stats',
    player: input.player,
    name: input.name,
    points,
    ranks,
    streak: liveStreak(await deps.scores.streak(input.workspace, input.player), dayKey(now, zone)),
    ratings,
  };
}

/**
 * Closes a week or month: posts the final board to the workspace's daily channels, then archives
 * it. Runs at the start of the next period, so it closes the period of `at - 1 minute`. Posting
 * comes first and each post has its own idempotency key, so a run that dies half-way is finished
 * by its retry; once archived, a late duplicate run does nothing.
 */
export async function closePeriod(
  deps: QuizDeps,
  input: { workspace: string; period: Exclude<PeriodKind, 'all'>; firedAt: Date },
): Promise<{ closed: boolean; periodKey: string; posted: number }> {
  const zone = await zoneOf(deps, input.workspace);
  const key = periodKey(input.period, new Date(input.firedAt.getTime() - 60_000), zone);
  if (await deps.scores.isPeriodClosed(input.workspace, input.period, key)) {
    return { closed: false, periodKey: key, posted: 0 };
  }
  const board = await leaderboard(deps, {
    workspace: input.workspace,
    period: input.period,
    periodKey: key,
  });
  let posted = 0;
  if (board.entries.length > 0) {
    for (const sub of await deps.subscriptions.listByWorkspace(input.workspace)) {
      if (sub.paused) continue;
      await deps.publisher.post(
        { channel: sub.channel },
        { ...board, final: true },
        { idempotencyKey: `board:${input.workspace}:${input.period}:${key}:${sub.channel}` },
      );
      posted++;
    }
  }
  const closed = await deps.scores.closePeriod(input.workspace, input.period, key, board.entries);
  return { closed, periodKey: key, posted: closed ? posted : 0 };
}

/** A stored streak is still running only if its last day is today or yesterday. */
export function liveStreak(stored: Streak, today: string): Streak {
  const alive =
    stored.lastDay !== null && (stored.lastDay === today || stored.lastDay === previousDay(today));
  return alive ? stored : { ...stored, current: 0 };
}
