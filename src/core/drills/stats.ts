/** `/quiz drill stats` and the one-time closed-DM warning, in the person's time zone. */
import type { Actor, Place } from '../quiz/types.js';
import { dayKey, zonedInstant } from '../time/zone.js';
import { plusDays, reviewStreak } from './days.js';
import type { DrillDeps } from './ports.js';
import type { DrillNotice, DrillStats } from './views.js';

/** Recall is measured over this many local days, today included. */
export const RECALL_WINDOW_DAYS = 30;
/** "This week" is today and the six days after it. */
export const WEEK_DAYS = 7;

/**
 * A person's streak (consecutive local days with a review), reviews, recall rate (non-Again share
 * over the last 30 local days), cards due today and this week, and cards learned. Days are counted
 * in the zone of their drill here, else of any drill of theirs, else UTC.
 */
export async function drillStats(
  deps: DrillDeps,
  actor: Actor,
  place?: Place,
): Promise<DrillStats> {
  const subs = await deps.drills.subscriptionsOf(actor.player);
  const sub = subs.find((s) => s.workspace === place?.workspace) ?? subs[0] ?? null;
  const zone = sub?.timezone ?? 'UTC';
  const today = dayKey(deps.clock.now(), zone);
  const since = zonedInstant(plusDays(today, 1 - RECALL_WINDOW_DAYS), '00:00', zone);
  const [totals, recent, cards] = await Promise.all([
    deps.drills.reviewTotals(actor.player),
    deps.drills.reviews(actor.player, since),
    deps.drills.cards(actor.player),
  ]);
  const recalled = recent.filter((log) => log.rating !== 'again').length;
  const weekEnd = plusDays(today, WEEK_DAYS - 1);
  return {
    code: 'drill-stats',
    player: actor.player,
    name: actor.name,
    timezone: sub?.timezone ?? null,
    streak: reviewStreak(Object.keys(totals.days), today),
    reviews: { total: totals.total, last30Days: recent.length, recalledLast30Days: recalled },
    recallRate: recent.length === 0 ? null : recalled / recent.length,
    dueToday: cards.filter((c) => c.dueDay <= today).length,
    dueThisWeek: cards.filter((c) => c.dueDay <= weekEnd).length,
    learned: cards.filter((c) => c.fsrs.state !== 'New').length,
  };
}

/**
 * The closed-DM warning for a person in a workspace, once: the adapter adds it to the next reply
 * it gives them in a channel. Null when there is none or it was already given.
 */
export async function takeDrillWarning(
  deps: DrillDeps,
  actor: Actor,
  place: Place,
): Promise<DrillNotice | null> {
  const refusal = await deps.drills.takeDmRefusal(place.workspace, actor.player);
  return refusal && { code: 'drill-dm-refused', reason: refusal.reason, at: refusal.at };
}
