/**
 * Drills: spaced repetition per person with FSRS. A person subscribes per workspace (the time and
 * zone of their daily DM); their cards and review history belong to the person, whichever
 * workspace they drill from. Player and workspace keys are opaque, as everywhere in core.
 */

/** How well a person recalled a card (FSRS grades). */
export type DrillRating = 'again' | 'hard' | 'good' | 'easy';
export const DRILL_RATINGS: readonly DrillRating[] = ['again', 'hard', 'good', 'easy'];

/** A person's daily drill in one workspace. */
export interface DrillSubscription {
  workspace: string;
  player: string;
  /** Display name when they subscribed, for logs and notices. */
  name: string;
  /** Where `drill start` was run: where a closed-DM warning can reach them. */
  channel: string;
  /** `HH:MM`, 24-hour, in `timezone`. */
  time: string;
  timezone: string;
  /** New cards only from questions with one of these tags; empty means all. */
  tags: string[];
  /** New cards introduced per local day, at most. */
  perDay: number;
  createdAt: string;
}

/** FSRS card phases (ts-fsrs `State`), spelled out so stored data reads on its own. */
export type CardPhase = 'New' | 'Learning' | 'Review' | 'Relearning';

/** ts-fsrs's `Card` as stored: dates as ISO strings, the state by name. */
export interface FsrsCardData {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: CardPhase;
  last_review: string | null;
}

/** One person's memory of one question. */
export interface CardState {
  player: string;
  questionId: string;
  fsrs: FsrsCardData;
  /**
   * The local day (`YYYY-MM-DD`, in the person's zone at the last review) the card is due: the
   * review's day plus FSRS's interval in days. Delivery compares days, not instants, so a card
   * reviewed at 21:07 with a one-day interval is in tomorrow's 21:00 session.
   */
  dueDay: string;
  /** The local day the card was first sent to the person. */
  introducedOn: string;
}

/** One rating of one card. */
export interface ReviewLog {
  player: string;
  questionId: string;
  rating: DrillRating;
  /** The card's phase before this review. */
  phase: CardPhase;
  /** ISO instant of the review. */
  at: string;
  /** The local day of the review in the person's zone: what streaks count. */
  day: string;
  /** FSRS's new interval in days. */
  scheduledDays: number;
}

/** The cards sent in a person's latest delivery; `pending` are those not yet rated. */
export interface DrillSession {
  player: string;
  workspace: string;
  /** The zone the session's days are counted in (the subscription's). */
  timezone: string;
  /** The delivery slot: the local day, or a unique id for `drill now`. */
  slot: string;
  day: string;
  deliveredAt: string;
  /** Card order of the session (reviews by due day, then new cards). */
  cards: string[];
  /** Cards not yet rated, in session order. */
  pending: string[];
}

/** The platform refused to DM the person (closed DMs); kept until a delivery succeeds. */
export interface DmRefusal {
  reason: string;
  at: string;
}
