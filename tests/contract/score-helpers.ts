/** Shorthands for the ScoreStore contract: a rating as core makes it, and board sums. */
import type { ScoreStore } from '../../src/core/quiz/ports.js';
import { type PeriodKind, RATING_POINTS, type Rating } from '../../src/core/quiz/types.js';
import { CHANNEL, WS } from './stores.js';

export const WEEK = '2025-W10';
export const MONTH = '2025-03';
export const postKey = (day: string, channel = CHANNEL) => `${channel}|${day}`;

export interface RateArgs {
  player: string;
  rating: Rating;
  day?: string;
  workspace?: string;
  post?: string;
  name?: string;
  periods?: { week: string; month: string };
}

/** Rates like core does: points from the rating, the post's day, the current periods. */
export function rate(scores: ScoreStore, args: RateArgs) {
  const day = args.day ?? '2025-03-03';
  return scores.rate({
    workspace: args.workspace ?? WS,
    postKey: args.post ?? postKey(day),
    player: args.player,
    name: args.name ?? `Name of ${args.player}`,
    rating: args.rating,
    points: RATING_POINTS[args.rating],
    day,
    periods: args.periods ?? { week: WEEK, month: MONTH },
  });
}

/** A player's points on the week, month and all-time boards (0 when absent). */
export async function pointsOf(
  scores: ScoreStore,
  player: string,
  workspace = WS,
  periods = { week: WEEK, month: MONTH },
) {
  const keys: [PeriodKind, string][] = [
    ['week', periods.week],
    ['month', periods.month],
    ['all', 'all'],
  ];
  const entries = await Promise.all(
    keys.map(([period, key]) => scores.entry(workspace, period, key, player)),
  );
  return entries.map((e) => e?.points ?? 0);
}
