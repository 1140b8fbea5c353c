/**
 * Posting once. Every message the publisher posts carries message metadata naming the post's
 * idempotency key and which part of it the message is. Before posting, the publisher looks for
 * those parts in the channel's recent history (or the thread's replies): a job retried after a
 * crash, or by another process, finds what already went out and posts only the rest.
 */
import type { webApi } from '@slack/bolt';

export const METADATA_EVENT = 'quizbot_post';
/** How far back a retried post is looked for; jobs are retried within minutes, not days. */
const LOOKBACK_SECONDS = 2 * 24 * 3600;
const HISTORY_PAGE = 100;

export interface PartMetadata {
  event_type: typeof METADATA_EVENT;
  event_payload: { key: string; part: number; of: number };
}

export function partMetadata(key: string, part: number, of: number): PartMetadata {
  return { event_type: METADATA_EVENT, event_payload: { key, part, of } };
}

/** The parts of the post `key` already in the channel (or thread): part number → message ts. */
export async function findPostedParts(
  client: webApi.WebClient,
  where: { channel: string; threadTs?: string },
  key: string,
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  const response = where.threadTs
    ? await client.conversations.replies({
        channel: where.channel,
        ts: where.threadTs,
        include_all_metadata: true,
        limit: HISTORY_PAGE,
      })
    : await client.conversations.history({
        channel: where.channel,
        include_all_metadata: true,
        limit: HISTORY_PAGE,
        oldest: String(Math.floor(Date.now() / 1000) - LOOKBACK_SECONDS),
      });
  for (const message of response.messages ?? []) {
    const meta = message.metadata;
    const payload = meta?.event_payload as Record<string, unknown> | undefined;
    if (meta?.event_type !== METADATA_EVENT || payload?.key !== key || !message.ts) continue;
    if (typeof payload.part === 'number') found.set(payload.part, message.ts);
  }
  return found;
}
