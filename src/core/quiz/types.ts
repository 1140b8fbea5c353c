/**
 * The quiz runtime's data. Workspace, channel and player keys are opaque strings made by adapters
 * (`discord:guild:…`, `slack:team:…`, `console:ws:local`); core never looks inside them.
 */

/** A person's self-assessment of a daily question. */
export type Rating = 'knew' | 'partly' | 'missed';
export const RATINGS: readonly Rating[] = ['knew', 'partly', 'missed'];

/** Points a rating is worth: trying is rewarded, knowing more so. */
export const RATING_POINTS: Readonly<Record<Rating, number>> = { knew: 3, partly: 2, missed: 1 };

export type PeriodKind = 'week' | 'month' | 'all';
export const PERIODS: readonly PeriodKind[] = ['week', 'month', 'all'];

/** Who did something: the opaque key plus what adapters know for display. */
export interface Actor {
  player: string;
  name: string;
  /** The adapter's word that this person may run admin subcommands here. */
  isAdmin: boolean;
  locale?: 'en' | 'zh-CN';
}

/** Where a command was run. */
export interface Place {
  workspace: string;
  channel: string;
}

export interface DailySubscription {
  workspace: string;
  channel: string;
  /** `HH:MM`, 24-hour, in `timezone`. */
  time: string;
  timezone: string;
  /** Only questions with one of these tags; empty means all. */
  tags: string[];
  /** Minutes from the post to the answer reveal. */
  revealAfterMinutes: number;
  createdBy: string;
  createdAt: string;
  /** Set when posting keeps failing (lost permissions): no posts until `daily set` again. */
  paused: { reason: string; at: string } | null;
}

/** One posted daily question. `key` is `channel|slot`; slot is the local day or a manual post's id. */
export interface DailyPost {
  key: string;
  workspace: string;
  channel: string;
  slot: string;
  /** Local day (`YYYY-MM-DD`) in the subscription's zone. */
  day: string;
  questionId: string;
  postedAt: string;
  revealAt: string;
  /** The adapter's reference to the message and its discussion thread. */
  message: PostedRef;
  /** Ratings are frozen once true. */
  revealed: boolean;
  /** The reveal message went out. */
  revealPosted: boolean;
}

/** What an adapter returns for a posted message; opaque to core. */
export interface PostedRef {
  messageId: string;
  threadId?: string;
}

export interface BoardEntry {
  rank: number;
  player: string;
  name: string;
  points: number;
}

export interface Streak {
  current: number;
  best: number;
  lastDay: string | null;
}
