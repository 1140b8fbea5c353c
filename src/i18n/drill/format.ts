import type { Locale } from '../../../commands/quiz.js';

/** `Mon 2 Mar` / `3月2日周一` for a `YYYY-MM-DD` local day: the day itself, whatever the zone. */
export function formatDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A share as a whole percentage (`85%`). */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;
