/**
 * Deterministic BullMQ ids. Channel and workspace keys are opaque (`discord:guild:1:channel:2`) and
 * BullMQ refuses ':' in custom job ids and treats scheduler ids with many ':' segments as legacy
 * repeat keys, so every id is a readable slug plus a hash of the exact key: stable across
 * processes, free of ':', never a bare integer, and distinct for keys the slug would merge.
 */
import { createHash } from 'node:crypto';

const SLUG_MAX = 48;

/** `kind-slug-hash`, where slug keeps `[A-Za-z0-9_.-]` of `key` (for humans) and hash decides. */
export function safeId(kind: string, key: string): string {
  const slug = key.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, SLUG_MAX);
  const hash = createHash('sha256').update(key).digest('base64url').slice(0, 16);
  return `${kind}-${slug}-${hash.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The job scheduler that fires a channel's daily question. */
export const dailySchedulerId = (channel: string): string => safeId('daily', channel);

/** The one reveal job of a post. */
export const revealJobId = (postKey: string): string => safeId('reveal', postKey);

/** The job scheduler that delivers a person's drill in a workspace. */
export const drillSchedulerId = (workspace: string, player: string): string =>
  safeId('drill', JSON.stringify([workspace, player]));

/** The one job that opens a competition's round. */
export const competeOpenJobId = (competitionId: string, round: number): string =>
  safeId('compete_open', JSON.stringify([competitionId, round]));

/** The one job that closes a competition's round at its deadline. */
export const competeCloseJobId = (competitionId: string, round: number): string =>
  safeId('compete_close', JSON.stringify([competitionId, round]));

/** The weekly or monthly board close of a workspace. */
export const periodCloseSchedulerId = (workspace: string, period: 'week' | 'month'): string =>
  safeId(`close_${period}`, workspace);
