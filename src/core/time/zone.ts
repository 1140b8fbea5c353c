/**
 * Calendar arithmetic in IANA time zones with `Intl` only (no date library): the day, ISO week and
 * month a moment falls in for a workspace, and the UTC instant of a wall-clock time in a zone.
 */

/** True when `zone` is an IANA time zone this runtime knows (`Asia/Shanghai`, `UTC`). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall-clock reading of an instant in a zone. */
export function wallClock(at: Date, zone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(at)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday!] ?? 1,
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of the local day an instant falls in. */
export function dayKey(at: Date, zone: string): string {
  const w = wallClock(at, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** `YYYY-MM` of the local month. */
export function monthKey(at: Date, zone: string): string {
  const w = wallClock(at, zone);
  return `${w.year}-${pad(w.month)}`;
}

/** ISO-8601 week of the local day, `YYYY-Www` (weeks start on Monday; week 1 holds a Thursday). */
export function weekKey(at: Date, zone: string): string {
  const w = wallClock(at, zone);
  const date = new Date(Date.UTC(w.year, w.month - 1, w.day));
  date.setUTCDate(date.getUTCDate() + 4 - w.weekday); // the Thursday of this week
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${pad(week)}`;
}

/** The day before a `YYYY-MM-DD` key. */
export function previousDay(day: string): string {
  return addDays(day, -1);
}

/** The day after a `YYYY-MM-DD` key. */
export function nextDay(day: string): string {
  return addDays(day, 1);
}

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + n));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * The instant when the wall clock in `zone` reads `day` `HH:MM`. In a DST gap the time that does
 * not exist moves forward by the gap; in an overlap the earlier instant is taken.
 */
export function zonedInstant(day: string, time: string, zone: string): Date {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // A zone has at most two offsets around any day: try the one before and the one after.
  const before = asUtc - offsetMs(new Date(asUtc - 86_400_000), zone);
  const after = asUtc - offsetMs(new Date(asUtc + 86_400_000), zone);
  const reads = (t: number): boolean => {
    const w = wallClock(new Date(t), zone);
    return w.year === y && w.month === mo && w.day === d && w.hour === h && w.minute === mi;
  };
  const valid = [before, after].filter(reads);
  // Overlap: both read right, take the earlier; gap: neither does, the pre-gap offset moves it forward.
  return new Date(valid.length ? Math.min(...valid) : before);
}

/** Offset of the zone from UTC at an instant, in milliseconds (east positive). */
export function offsetMs(at: Date, zone: string): number {
  const w = wallClock(at, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}
