/**
 * The `custom_id` of every button and modal the bot sends: `q1:<verb>:<fields…>`. `q1` is the
 * scheme's version; a click on a message sent under another version, or an id that does not
 * parse (forged, truncated), decodes to a reason and gets a polite reply instead of a handler.
 *
 *   q1:show:<questionId>                  "Show answer" under a looked-up question
 *   q1:peek:<postKey>                     "Show answer" under a daily question (a private peek)
 *   q1:rate:<rating>:<postKey>            self-rating of a daily question
 *   q1:pick:<round>:<optionId>:<compId>   a competition round's option
 *   q1:type:<round>:<compId>              a competition round's typed answer (opens a modal whose
 *                                         custom_id is the same string)
 *   q1:card:<questionId>                  "Show answer" on a drill card (in a DM)
 *   q1:grade:<rating>:<questionId>        Again / Hard / Good / Easy on a drill card's answer side
 *
 * Keys from core are opaque and may hold colons, so each one is the last field. Decoding checks
 * the shape only; whether a post or competition exists (and is this server's) is core's answer.
 */
import type { CompeteButton } from '../../core/competitions/views.js';
import { DRILL_RATINGS, type DrillRating } from '../../core/drills/types.js';
import type { DrillButton } from '../../core/drills/views.js';
import { RATINGS, type Rating } from '../../core/quiz/types.js';
import type { ButtonAction } from '../../core/quiz/views.js';
import { DISCORD_MAX_CUSTOM_ID } from './limits.js';

export const CUSTOM_ID_VERSION = 'q1';

/** What a button or modal of ours means. */
export type Control = ButtonAction | CompeteButton | DrillButton;

export type DecodedId =
  { ok: true; control: Control } | { ok: false; reason: 'stale' | 'malformed' };

/** Question ids, option ids, competition ids: short and free of separators. */
const TOKEN = /^[\w.~-]{1,64}$/;
/** Core's post keys: printable, no spaces; the length check bounds them. */
const KEY = /^\S{1,90}$/;
const ROUND = /^\d{1,3}$/;

export function encodeControl(control: Control): string {
  const id = [CUSTOM_ID_VERSION, ...fieldsOf(control)].join(':');
  if (id.length > DISCORD_MAX_CUSTOM_ID) {
    throw new RangeError(`custom_id over ${DISCORD_MAX_CUSTOM_ID} characters: ${id}`);
  }
  return id;
}

function fieldsOf(control: Control): string[] {
  switch (control.action) {
    case 'show-answer':
      return ['show', control.questionId];
    case 'reveal':
      return ['peek', control.postKey];
    case 'rate':
      return ['rate', control.rating, control.postKey];
    case 'compete-answer':
      return ['pick', String(control.round), control.optionId, control.competitionId];
    case 'compete-entry':
      return ['type', String(control.round), control.competitionId];
    case 'drill-reveal':
      return ['card', control.questionId];
    case 'drill-rate':
      return ['grade', control.rating, control.questionId];
  }
}

export function decodeControl(customId: string): DecodedId {
  const [version, verb, ...rest] = customId.split(':');
  if (version !== CUSTOM_ID_VERSION) {
    // Our own older ids (`q0:…`) are stale; anything else is not ours at all.
    return { ok: false, reason: /^q\d+$/.test(version ?? '') ? 'stale' : 'malformed' };
  }
  const control = verb === undefined ? null : parseFields(verb, rest);
  return control ? { ok: true, control } : { ok: false, reason: 'malformed' };
}

function parseFields(verb: string, fields: string[]): Control | null {
  switch (verb) {
    case 'show': {
      const [questionId, ...extra] = fields;
      return extra.length === 0 && token(questionId) ? { action: 'show-answer', questionId } : null;
    }
    case 'peek': {
      const postKey = fields.join(':');
      return KEY.test(postKey) ? { action: 'reveal', postKey } : null;
    }
    case 'rate': {
      const [rating, ...key] = fields;
      const postKey = key.join(':');
      return isRating(rating) && KEY.test(postKey) ? { action: 'rate', rating, postKey } : null;
    }
    case 'pick': {
      const [round, optionId, competitionId, ...extra] = fields;
      if (extra.length || !ROUND.test(round ?? '') || !token(optionId) || !token(competitionId))
        return null;
      return { action: 'compete-answer', round: Number(round), optionId, competitionId };
    }
    case 'type': {
      const [round, competitionId, ...extra] = fields;
      if (extra.length || !ROUND.test(round ?? '') || !token(competitionId)) return null;
      return { action: 'compete-entry', round: Number(round), competitionId };
    }
    case 'card': {
      const [questionId, ...extra] = fields;
      return extra.length === 0 && token(questionId)
        ? { action: 'drill-reveal', questionId }
        : null;
    }
    case 'grade': {
      const [rating, questionId, ...extra] = fields;
      return extra.length === 0 && isDrillRating(rating) && token(questionId)
        ? { action: 'drill-rate', rating, questionId }
        : null;
    }
    default:
      return null;
  }
}

const token = (value: string | undefined): value is string =>
  value !== undefined && TOKEN.test(value);

const isRating = (value: string | undefined): value is Rating => RATINGS.some((r) => r === value);

const isDrillRating = (value: string | undefined): value is DrillRating =>
  DRILL_RATINGS.some((r) => r === value);
