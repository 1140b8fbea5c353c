/**
 * Slack's refusals, read the same way whether they came from the Web API (a platform error with
 * `data.error`) or from a `response_url` post (an HTTP error whose body says `ok: false`).
 */
import { PublishRefusedError } from '../../core/quiz/ports.js';

/** Slack's error string (`not_in_channel`, `invalid_blocks` …) of a failed call, or null. */
export function slackErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { data?: { error?: unknown }; response?: { data?: unknown } };
  if (typeof e.data?.error === 'string') return e.data.error;
  const body = e.response?.data;
  if (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { error?: unknown }).error === 'string'
  ) {
    return (body as { error: string }).error;
  }
  if (typeof body === 'string' && /^[a-z_]+$/.test(body.trim())) return body.trim();
  return null;
}

/** How to get the bot into a channel: what `checkChannel` names as missing. */
export const INVITE_HINT = 'to be invited to the channel (/invite @quizbot)';

const FOR_GOOD: Readonly<Record<string, { reason: PublishRefusedError['reason']; why: string }>> = {
  not_in_channel: { reason: 'missing-permissions', why: `the bot needs ${INVITE_HINT}` },
  channel_not_found: {
    reason: 'unknown-channel',
    why: 'the channel no longer exists or the bot cannot see it',
  },
  is_archived: { reason: 'unknown-channel', why: 'the channel is archived' },
  restricted_action: {
    reason: 'missing-permissions',
    why: 'a workspace setting keeps the bot from posting there',
  },
  restricted_action_read_only_channel: {
    reason: 'missing-permissions',
    why: 'the channel is read-only',
  },
  restricted_action_thread_only_channel: {
    reason: 'missing-permissions',
    why: 'the channel only allows thread replies',
  },
  missing_scope: {
    reason: 'missing-permissions',
    why: 'the Slack app lacks a scope; reinstall it from the manifest (quizbot slack manifest)',
  },
  cannot_dm_bot: { reason: 'other', why: 'that user is a bot' },
  user_not_found: { reason: 'other', why: 'that user no longer exists' },
  user_disabled: { reason: 'other', why: 'that user is deactivated' },
  messages_tab_disabled: { reason: 'other', why: 'the app’s Messages tab is turned off' },
};

/** A Slack refusal that no retry will change, as core's PublishRefusedError; null for anything else. */
export function refusalOf(error: unknown): PublishRefusedError | null {
  const code = slackErrorCode(error);
  const known = code ? FOR_GOOD[code] : undefined;
  return known
    ? new PublishRefusedError(`${known.why} (${code})`, known.reason, { cause: error })
    : null;
}
