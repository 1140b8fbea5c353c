/**
 * What falls due in a window of bot time: daily firings, board closes and answer reveals. Pure
 * calendar arithmetic over core's zone helpers; fast-forward runs the result in order.
 */
import type { DrillSubscription } from '../core/drills/types.js';
import type { DailySubscription } from '../core/quiz/types.js';
import { dayKey, zonedInstant } from '../core/time/zone.js';
import type { JobDataMap, JobName } from './types.js';

export type AgendaItem = {
  [N in JobName]: { at: Date; name: N; data: JobDataMap[N] };
}[JobName];

/**
 * Board closes first at the same instant (they close the previous period), then reveals, then
 * posts, then drill deliveries.
 */
const ORDER: Record<JobName, number> = {
  'period-close': 0,
  reveal: 1,
  daily: 2,
  drill: 3,
  // A round closes before the next one opens.
  'compete-close': 4,
  'compete-open': 5,
};

/** Sorts by time, then by the order above; stable otherwise. */
export function byDueTime(a: AgendaItem, b: AgendaItem): number {
  return a.at.getTime() - b.at.getTime() || ORDER[a.name] - ORDER[b.name];
}

/** Every firing of a subscription in (from, to]. */
export function dailyFirings(sub: DailySubscription, from: Date, to: Date): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (
    let at = nextDailyFiring(sub, from);
    at.getTime() <= to.getTime();
    at = nextDailyFiring(sub, at)
  ) {
    items.push({ at, name: 'daily', data: { channel: sub.channel } });
  }
  return items;
}

/** Every delivery of a person's drill in (from, to]. */
export function drillFirings(sub: DrillSubscription, from: Date, to: Date): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (
    let at = nextDailyFiring(sub, from);
    at.getTime() <= to.getTime();
    at = nextDailyFiring(sub, at)
  ) {
    items.push({ at, name: 'drill', data: { workspace: sub.workspace, player: sub.player } });
  }
  return items;
}

/**
 * The first instant after `now` when the zone's wall clock reads `sub.time`: today's if it is
 * still ahead, else the next local day's. (Core's `nextFiring` adds 36 h to today's firing, which
 * skips a day when the time is after noon; this is the same rule without that step.)
 */
export function nextDailyFiring(
  sub: Pick<DailySubscription, 'time' | 'timezone'>,
  now: Date,
): Date {
  const today = dayKey(now, sub.timezone);
  const at = zonedInstant(today, sub.time, sub.timezone);
  if (at.getTime() > now.getTime()) return at;
  return zonedInstant(nextDay(today), sub.time, sub.timezone);
}

/** Monday 00:00 (week) and the 1st 00:00 (month) in the zone, in (from, to]: as the cron fires. */
export function periodCloses(workspace: string, zone: string, from: Date, to: Date): AgendaItem[] {
  const items: AgendaItem[] = [];
  const last = dayKey(to, zone);
  for (let day = dayKey(from, zone); day <= last; day = nextDay(day)) {
    const at = zonedInstant(day, '00:00', zone);
    if (at.getTime() <= from.getTime() || at.getTime() > to.getTime()) continue;
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    if (new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 1) {
      items.push({ at, name: 'period-close', data: { workspace, period: 'week' } });
    }
    if (d === 1) items.push({ at, name: 'period-close', data: { workspace, period: 'month' } });
  }
  return items;
}

/** The day after a `YYYY-MM-DD` key. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
