/**
 * The replay window of a signed Slack request. Bolt refuses requests signed more than five
 * minutes ago but accepts any timestamp in the future, and a request stamped for a future instant
 * stays "fresh" until five minutes after it: captured once, it could be replayed all that time.
 * Both sides of the window are checked here, before Bolt verifies anything.
 */
import { SLACK_REQUEST_MAX_SKEW_SECONDS } from './limits.js';

export type RequestTime = 'ok' | 'missing' | 'stale' | 'future';

/** Where `x-slack-request-timestamp` (Unix seconds) falls against `nowMs`. */
export function checkRequestTime(
  header: string | string[] | undefined,
  nowMs: number,
): RequestTime {
  if (typeof header !== 'string' || !/^\d{1,12}$/.test(header.trim())) return 'missing';
  const skew = Number(header) - nowMs / 1000;
  if (skew > SLACK_REQUEST_MAX_SKEW_SECONDS) return 'future';
  if (skew < -SLACK_REQUEST_MAX_SKEW_SECONDS) return 'stale';
  return 'ok';
}
