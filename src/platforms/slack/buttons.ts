/**
 * What a click means, carried in the button itself: `action_id` is `qz<version>:<action>:<n>`
 * (`n` keeps ids unique within a block, as Slack requires) and `value` is the action as JSON.
 * Decoding checks the version and every field, so a click on a message from an older bot, or a
 * payload that was tampered with, is refused instead of reaching a handler half-formed.
 */
import type { CompeteButton } from '../../core/competitions/views.js';
import { DRILL_RATINGS } from '../../core/drills/types.js';
import type { DrillButton } from '../../core/drills/views.js';
import { RATINGS } from '../../core/quiz/types.js';
import type { ButtonAction } from '../../core/quiz/views.js';
import { SLACK_MAX_ACTION_ID, SLACK_MAX_BUTTON_VALUE } from './limits.js';

/** Every button meaning quizbot puts on Slack. */
export type SlackAction = ButtonAction | CompeteButton | DrillButton;

export const ACTION_VERSION = 1;
const PREFIX = `qz${ACTION_VERSION}:`;
/** What Bolt listens on: every quizbot action id, of any version. */
export const ACTION_ID_PATTERN = /^qz\d+:/;

export type Decoded =
  { ok: true; action: SlackAction } | { ok: false; reason: 'old-version' | 'malformed' };

/** `action_id` and `value` of a button for `action`, the `n`th in its block. */
export function encodeAction(action: SlackAction, n: number): { action_id: string; value: string } {
  const encoded = { action_id: `${PREFIX}${action.action}:${n}`, value: JSON.stringify(action) };
  if (
    encoded.action_id.length > SLACK_MAX_ACTION_ID ||
    encoded.value.length > SLACK_MAX_BUTTON_VALUE
  ) {
    throw new RangeError(`a ${action.action} button does not fit Slack's limits`);
  }
  return encoded;
}

/** The action a clicked button carries, checked field by field. */
export function decodeAction(actionId: string, value: string | undefined): Decoded {
  const m = /^qz(\d+):([a-z-]+):\d+$/.exec(actionId);
  if (!m) return { ok: false, reason: 'malformed' };
  if (Number(m[1]) !== ACTION_VERSION) return { ok: false, reason: 'old-version' };
  let data: unknown;
  try {
    data = JSON.parse(value ?? '');
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const action = checked(data);
  return action && action.action === m[2]
    ? { ok: true, action }
    : { ok: false, reason: 'malformed' };
}

type Fields = Record<string, unknown>;
const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 500;
const round = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const oneOf =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    list.includes(v as T);

/** Each action's fields and their checks; anything else in the value is refused. */
const SHAPES: Record<SlackAction['action'], Record<string, (v: unknown) => boolean>> = {
  reveal: { postKey: text },
  rate: { postKey: text, rating: oneOf(RATINGS) },
  'show-answer': { questionId: text },
  'compete-answer': { competitionId: text, round, optionId: text },
  'compete-entry': { competitionId: text, round, value: (v) => v === undefined || text(v) },
  'drill-reveal': { questionId: text },
  'drill-rate': { questionId: text, rating: oneOf(DRILL_RATINGS) },
};

function checked(data: unknown): SlackAction | null {
  if (typeof data !== 'object' || data === null) return null;
  const { action, ...fields } = data as Fields;
  if (typeof action !== 'string' || !Object.hasOwn(SHAPES, action)) return null;
  const shape = SHAPES[action as SlackAction['action']];
  const names = Object.keys(fields);
  if (names.some((name) => !Object.hasOwn(shape, name))) return null;
  if (Object.entries(shape).some(([name, ok]) => !ok(fields[name]))) return null;
  return data as SlackAction;
}
