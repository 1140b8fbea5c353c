/** Local-day arithmetic for drills: `YYYY-MM-DD` keys compare as strings and step by whole days. */
import type { DrillStreak } from './views.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The day `n` days after (or before, for negative `n`) a `YYYY-MM-DD` key. */
export function plusDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + n));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * The streak of consecutive review days: the current one runs while its last day is today or
 * yesterday (today may still come); the best is the longest run ever.
 */
export function reviewStreak(days: Iterable<string>, today: string): DrillStreak {
  const sorted = [...new Set(days)].sort();
  let best = 0;
  let run = 0;
  let previous: string | null = null;
  for (const day of sorted) {
    run = previous !== null && plusDays(previous, 1) === day ? run + 1 : 1;
    best = Math.max(best, run);
    previous = day;
  }
  const alive = previous !== null && (previous === today || previous === plusDays(today, -1));
  return { current: alive ? run : 0, best, lastDay: previous };
}
