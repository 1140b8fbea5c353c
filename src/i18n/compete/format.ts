import type { Locale } from '../../../commands/quiz.js';

/** `09:30:05` in a zone: rounds are counted in seconds, so their times show them. */
export function formatClock(at: Date | string, zone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(typeof at === 'string' ? new Date(at) : at);
}

/** Milliseconds as seconds with one decimal (`4.2`). */
export const tenths = (ms: number): string => (Math.round(ms / 100) / 10).toFixed(1);
