import type { Question } from '../bank/model.js';
import type { CompetitionView } from '../competitions/views.js';
import type { BoardEntry, DailySubscription, PeriodKind, Rating, Streak } from './types.js';

/**
 * View models: what the core hands to adapters. Each platform has one renderer that turns these
 * into its messages; wording lives with the renderers (in the reader's language).
 */

/** A button's meaning; adapters encode it into their own ids (custom_id, action_id). */
export type ButtonAction =
  | { action: 'reveal'; postKey: string }
  | { action: 'rate'; postKey: string; rating: Rating }
  | { action: 'show-answer'; questionId: string };

export interface Recap {
  tried: number;
  byRating: Record<Rating, number>;
}

export interface LeaderboardView {
  kind: 'leaderboard';
  workspace: string;
  period: PeriodKind;
  periodKey: string;
  entries: BoardEntry[];
  /** The caller's own line when they are on the board but outside the top. */
  caller: BoardEntry | null;
  players: number;
  final: boolean;
}

export type OutgoingView =
  | {
      kind: 'daily-question';
      postKey: string;
      day: string;
      question: Question;
      revealAt: string;
      buttons: ButtonAction[];
    }
  | { kind: 'daily-reveal'; postKey: string; question: Question; recap: Recap }
  | LeaderboardView
  | { kind: 'notice'; notice: Notice }
  | CompetitionView;

/** An expected outcome worth a sentence, with parameters for the wording. */
export type Notice =
  | { code: 'daily-set'; sub: DailySubscription; next: string }
  | { code: 'daily-off'; existed: boolean }
  | { code: 'daily-status'; sub: DailySubscription | null; next: string | null; posted: number }
  | { code: 'daily-posted'; postKey: string; questionId: string }
  | { code: 'daily-paused'; channel: string; reason: string }
  | { code: 'rated'; rating: Rating; previous: Rating | null; delta: number; streak: Streak }
  | {
      code: 'stats';
      player: string;
      name: string;
      points: Record<PeriodKind, number>;
      ranks: Record<PeriodKind, number | null>;
      streak: Streak;
      ratings: Record<Rating, number>;
    };

/** A person's points, ranks, streak and ratings (`/quiz stats`). */
export type StatsNotice = Extract<Notice, { code: 'stats' }>;

/** Expected failures: adapters word them; nothing here is a crash. */
export type QuizFailure =
  | { code: 'not-admin' }
  | { code: 'bad-time'; value: string }
  | { code: 'bad-timezone'; value: string }
  | { code: 'unknown-tags'; tags: string[]; known: string[] }
  | { code: 'bad-reveal-after'; value: number }
  | { code: 'no-eligible-questions'; tags: string[] }
  | { code: 'missing-permissions'; missing: string[] }
  | { code: 'no-daily' }
  | { code: 'no-open-question' }
  | { code: 'already-revealed' }
  | { code: 'unknown-post' }
  | { code: 'already-posted'; postKey: string };

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: QuizFailure };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T = never>(failure: QuizFailure): Outcome<T> => ({ ok: false, failure });
