import type { Locale } from '../../commands/quiz.js';

/** `Mon 3 Mar 09:30` / `3月3日周一 09:30` in a zone: what a chat client would show. */
export function formatWhen(at: Date | string, zone: string, locale: Locale): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** `8h`, `1h 30m`, `45m` / `8 小时`, `1 小时 30 分钟`. */
export function formatMinutes(minutes: number, locale: Locale): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (locale === 'zh-CN')
    return [h ? `${h} 小时` : '', m ? `${m} 分钟` : ''].filter(Boolean).join(' ');
  return [h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean).join(' ') || '0m';
}
