/**
 * What the shared command layer hands back to adapters: platform-neutral reply models. Each
 * adapter has one renderer that turns a CommandReply into its own messages, worded from
 * `src/i18n` in the reader's language.
 */
import type { Locale } from '../../commands/quiz.js';
import type { Question } from '../core/bank/model.js';
import type { CompeteFailure, CompeteNotice } from '../core/competitions/views.js';
import type { ReviewResult } from '../core/drills/review.js';
import type { DrillFailure, DrillNotice, DrillOutgoingView } from '../core/drills/views.js';
import type {
  LeaderboardView,
  Notice,
  Outcome,
  QuizFailure,
  StatsNotice,
} from '../core/quiz/views.js';
import type { SearchHit, Suggestion } from '../core/search/index.js';

/** Ephemeral: only the person who asked sees it (Discord ephemeral, Slack `postEphemeral`). */
export type Visibility = 'ephemeral' | 'public';

/** What an option's value should have been, for wording a bad one. */
export type OptionExpectation =
  | { type: 'text' }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'user' }
  | { type: 'choice'; choices: string[] };

/** Expected failures of a command: core's, plus what the command layer refuses itself. */
export type CommandFailure =
  | QuizFailure
  | { code: 'unknown-command'; path: string }
  | { code: 'unknown-option'; option: string; known: string[] }
  | { code: 'missing-option'; option: string }
  | { code: 'bad-option'; option: string; value: string; expected: OptionExpectation }
  | { code: 'bad-duration'; option: string; value: string }
  | { code: 'unknown-question'; input: string; suggestions: Suggestion[] }
  | { code: 'empty-query' }
  | { code: 'no-hits'; query: string }
  | { code: 'no-random'; tag: string | null; known: string[] };

export type CommandReply =
  /** A looked-up question (`show`, `random`, a "show answer" button). */
  | { kind: 'question'; question: Question; withAnswer: boolean; visibility: Visibility }
  /** A private peek at the answer of a daily post, before its public reveal. */
  | { kind: 'daily-answer'; question: Question; postKey: string }
  | { kind: 'search'; query: string; hits: SearchHit[] }
  /** Help generated from the command spec; admins also see admin subcommands. */
  | { kind: 'help'; locale: Locale; isAdmin: boolean }
  | { kind: 'notice'; notice: Notice }
  /** `viewer` is the asker's player key, so a renderer can mark their own line. */
  | { kind: 'leaderboard'; view: LeaderboardView; viewer: string }
  | { kind: 'stats'; stats: StatsNotice }
  | { kind: 'failure'; failure: CommandFailure }
  /** Competition commands and round buttons. */
  | { kind: 'compete-notice'; notice: CompeteNotice }
  | { kind: 'compete-failure'; failure: CompeteFailure }
  /** The round's entry button was pressed: the adapter asks for the typed answer (a modal). */
  | { kind: 'compete-entry'; competitionId: string; round: number }
  /** Drill commands (`/quiz drill …`): a notice (stats included), or an expected failure. */
  | { kind: 'drill-notice'; notice: DrillNotice }
  | { kind: 'drill-failure'; failure: DrillReplyFailure }
  /**
   * A drill card's button was pressed: the view that follows in the DM (the answer side after
   * "Show answer"; the next card or the summary after a rating, with what the rating gave).
   * Rendered like the same view posted by a delivery.
   */
  | { kind: 'drill-view'; view: DrillOutgoingView; rated: DrillRated | null };

/** What a drill rating gave: the card's interval, due day and the delivery that brings it back. */
export type DrillRated = Omit<ReviewResult, 'next'>;

/** Core's drill failures, plus the command layer's own: this process has no drill deps. */
export type DrillReplyFailure = DrillFailure | { code: 'drills-unavailable' };

/** A reply that refuses. */
export const failed = (failure: CommandFailure): CommandReply => ({ kind: 'failure', failure });

/** A core outcome as a reply: its notice, or its expected failure. */
export function fromOutcome(outcome: Outcome<Notice>): CommandReply {
  return outcome.ok ? { kind: 'notice', notice: outcome.value } : failed(outcome.failure);
}

/** For metrics: an expected failure is `refused`, anything else `ok`. */
export function outcomeOf(reply: CommandReply): 'ok' | 'refused' {
  return reply.kind === 'failure' ||
    reply.kind === 'compete-failure' ||
    reply.kind === 'drill-failure'
    ? 'refused'
    : 'ok';
}

/** Who should see the reply: only lookups asked to be public are; the rest is for the asker. */
export function visibilityOf(reply: CommandReply): Visibility {
  return reply.kind === 'question' ? reply.visibility : 'ephemeral';
}
