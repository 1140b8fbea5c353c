/** Cron patterns and checks for the schedules quizbot creates, with errors that say what to fix. */
import { isValidTimeZone } from '../core/time/zone.js';
import { ScheduleInputError } from './errors.js';

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Monday 00:00 in the workspace's zone: the week that just ended closes. */
export const WEEKLY_CLOSE_CRON = '0 0 * * 1';
/** The 1st at 00:00 in the workspace's zone: the month that just ended closes. */
export const MONTHLY_CLOSE_CRON = '0 0 1 * *';

/** `MM HH * * *` for a `HH:MM` wall-clock time; rejects anything that is not one. */
export function dailyCron(time: string): string {
  const m = TIME.exec(time.trim());
  if (!m) {
    throw new ScheduleInputError(
      'time',
      time,
      `daily time ${JSON.stringify(time)} is not HH:MM on a 24-hour clock (00:00–23:59)`,
    );
  }
  return `${Number(m[2])} ${Number(m[1])} * * *`;
}

/** Returns the zone when it is an IANA zone this runtime knows; rejects it otherwise. */
export function checkTimeZone(zone: string): string {
  const trimmed = zone.trim();
  if (!isValidTimeZone(trimmed)) {
    throw new ScheduleInputError(
      'timezone',
      zone,
      `time zone ${JSON.stringify(zone)} is not an IANA zone such as Asia/Shanghai or Europe/Berlin`,
    );
  }
  return trimmed;
}

/** Rejects an empty or blank key before it becomes part of a job id. */
export function checkKey(
  field: 'workspace' | 'channel' | 'postKey' | 'player',
  value: string,
): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ScheduleInputError(field, value, `${field} must be a non-empty key`);
  }
  return value;
}
