/**
 * What drill use cases hand to adapters: the DM session, card fronts and backs, the summary, and
 * notices and failures for command replies. Adapters word and lay them out.
 */
import type { Question } from '../bank/model.js';
import type { QuizFailure } from '../quiz/views.js';
import type { DrillRating, DrillSubscription } from './types.js';

/** A drill button's meaning; adapters encode it into their own ids. */
export type DrillButton =
  | { action: 'drill-reveal'; questionId: string }
  | { action: 'drill-rate'; questionId: string; rating: DrillRating };

/** Where a card sits in its session, 1-based. */
export interface SessionPosition {
  index: number;
  total: number;
}

/** The question side: title, key points as a hint (the renderer may show the lead), reveal. */
export interface DrillCardFront {
  kind: 'drill-card';
  side: 'front';
  question: Question;
  position: SessionPosition;
  /** True for a card the person has never rated. */
  isNew: boolean;
  buttons: DrillButton[];
}

/** The answer side, with the four ratings and the interval each would give. */
export interface DrillCardBack {
  kind: 'drill-card';
  side: 'back';
  question: Question;
  position: SessionPosition;
  intervals: Record<DrillRating, number>;
  buttons: DrillButton[];
}

export type DrillCardView = DrillCardFront | DrillCardBack;

/** The one DM a delivery sends: how many cards, and the first card's front. */
export interface DrillSessionView {
  kind: 'drill-session';
  day: string;
  reviews: number;
  fresh: number;
  card: DrillCardFront;
}

export interface DrillStreak {
  current: number;
  best: number;
  lastDay: string | null;
}

/** After the session's last card. */
export interface DrillSummaryView {
  kind: 'drill-summary';
  /** Cards of the session rated, and how many of those were Again. */
  rated: number;
  again: number;
  /** The earliest due day among the person's cards, and the delivery that day. */
  nextDueDay: string | null;
  nextAt: string | null;
  streak: DrillStreak;
}

export type DrillOutgoingView = DrillSessionView | DrillCardView | DrillSummaryView;

export interface DrillStats {
  code: 'drill-stats';
  player: string;
  name: string;
  /** The zone days are counted in; null when the person has no drill (UTC is used). */
  timezone: string | null;
  streak: DrillStreak;
  reviews: { total: number; last30Days: number; recalledLast30Days: number };
  /** Non-Again share of the last 30 local days' reviews; null with no reviews. */
  recallRate: number | null;
  /** Cards due by the end of today, and by the end of the 7th local day from today. */
  dueToday: number;
  dueThisWeek: number;
  /** Cards rated at least once. */
  learned: number;
}

/** Expected outcomes worth a sentence. */
export type DrillNotice =
  | { code: 'drill-started'; sub: DrillSubscription; next: string }
  | { code: 'drill-stopped'; existed: boolean }
  | { code: 'drill-delivered'; cards: number }
  | { code: 'drill-nothing-due'; nextDueDay: string | null }
  | { code: 'drill-dm-refused'; reason: string; at: string }
  | DrillStats;

/** Expected failures; the first four are the daily question's, worded the same way. */
export type DrillFailure =
  | Extract<
      QuizFailure,
      { code: 'bad-time' | 'bad-timezone' | 'unknown-tags' | 'no-eligible-questions' }
    >
  | { code: 'bad-per-day'; value: number; min: number; max: number }
  | { code: 'no-drill' }
  | { code: 'dm-closed'; reason: string }
  | { code: 'no-session' }
  | { code: 'not-in-session'; questionId: string }
  | { code: 'unknown-question'; questionId: string };

export type DrillOutcome<T> = { ok: true; value: T } | { ok: false; failure: DrillFailure };

export const drillOk = <T>(value: T): DrillOutcome<T> => ({ ok: true, value });
export const drillFail = <T = never>(failure: DrillFailure): DrillOutcome<T> => ({
  ok: false,
  failure,
});
