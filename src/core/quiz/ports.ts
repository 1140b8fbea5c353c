import type { Clock } from '../time/clock.js';
import type {
  BoardEntry,
  DailyPost,
  DailySubscription,
  PeriodKind,
  PostedRef,
  Rating,
  Streak,
} from './types.js';
import type { OutgoingView } from './views.js';

export type { Clock };

/** Daily subscriptions, one per channel. */
export interface SubscriptionStore {
  get(channel: string): Promise<DailySubscription | null>;
  put(sub: DailySubscription): Promise<void>;
  remove(channel: string): Promise<boolean>;
  listByWorkspace(workspace: string): Promise<DailySubscription[]>;
  listAll(): Promise<DailySubscription[]>;
}

export type ClaimResult = 'claimed' | 'posted' | 'busy';

/** Posts and their ratings; the claim makes each slot post once across processes. */
export interface DailyStore {
  /**
   * Claims the right to post `channel|slot` for `leaseMs`. `posted` when it already happened,
   * `busy` while another process holds an unexpired lease.
   */
  claim(channel: string, slot: string, owner: string, leaseMs: number): Promise<ClaimResult>;
  /** Gives a claim back after a failed post, so a retry can take it at once. */
  release(channel: string, slot: string, owner: string): Promise<void>;
  /** Records the post and marks the question used in the channel's rotation, atomically. */
  recordPost(post: DailyPost, rotationCycle: number): Promise<void>;
  getPost(key: string): Promise<DailyPost | null>;
  /** The newest post in a channel. */
  latestPost(channel: string): Promise<DailyPost | null>;
  /** Freezes a post's ratings; false when it already was. */
  markRevealed(key: string): Promise<boolean>;
  /** Records that the reveal message went out, so a retried job does not post it twice. */
  markRevealPosted(key: string): Promise<void>;
  /** The channel's rotation: current cycle number and the ids used in it. */
  rotation(channel: string): Promise<{ cycle: number; used: string[] }>;
  ratings(key: string): Promise<Map<string, Rating>>;
}

export interface RateOutcome {
  /** The rating before this one, or null on a first rating. */
  previous: Rating | null;
  /** Points added (or removed, when lowered) on every board. */
  delta: number;
  streak: Streak;
}

/** Scores, boards and streaks per workspace. Every call is atomic. */
export interface ScoreStore {
  /**
   * Sets a player's rating of a post and moves their points on every board by the difference,
   * updates the streak on a first rating. Rejected (null) once the post is revealed.
   */
  rate(input: {
    workspace: string;
    postKey: string;
    player: string;
    name: string;
    rating: Rating;
    points: number;
    day: string;
    periods: { week: string; month: string };
  }): Promise<RateOutcome | null>;
  /** Adds points once per idempotency key (competitions); false when the key was used. */
  award(input: {
    workspace: string;
    player: string;
    name: string;
    points: number;
    periods: { week: string; month: string };
    idempotencyKey: string;
  }): Promise<boolean>;
  top(workspace: string, period: PeriodKind, periodKey: string, n: number): Promise<BoardEntry[]>;
  entry(
    workspace: string,
    period: PeriodKind,
    periodKey: string,
    player: string,
  ): Promise<BoardEntry | null>;
  count(workspace: string, period: PeriodKind, periodKey: string): Promise<number>;
  streak(workspace: string, player: string): Promise<Streak>;
  ratingCounts(workspace: string, player: string): Promise<Record<Rating, number>>;
  /** Whether a period's final board was already archived. */
  isPeriodClosed(workspace: string, period: PeriodKind, periodKey: string): Promise<boolean>;
  /** Archives a closed period's final board once; false when it was already closed. */
  closePeriod(
    workspace: string,
    period: PeriodKind,
    periodKey: string,
    top: BoardEntry[],
  ): Promise<boolean>;
}

/** Per-workspace settings. */
export interface WorkspaceStore {
  timezone(workspace: string): Promise<string | null>;
  setTimezone(workspace: string, timezone: string): Promise<void>;
  listWorkspaces(): Promise<string[]>;
  /**
   * Player keys given admin rights in the workspace by the bot, on top of what the platform
   * grants (Slack has no per-command permissions); sorted, empty when none were set.
   */
  admins(workspace: string): Promise<string[]>;
  /** Replaces the workspace's extra admins. */
  setAdmins(workspace: string, players: readonly string[]): Promise<void>;
}

/** Every timed thing. Implemented with BullMQ; ids make each call idempotent. */
export interface Scheduler {
  /** Creates or replaces the channel's daily firing (cron `MM HH * * *` in its zone). */
  upsertDaily(sub: DailySubscription): Promise<void>;
  removeDaily(channel: string): Promise<void>;
  /** The answer reveal of a post at `at` (once per post key). */
  scheduleReveal(postKey: string, at: Date): Promise<void>;
  /** Weekly and monthly board closes in the workspace's zone. */
  upsertPeriodClose(workspace: string, timezone: string): Promise<void>;
}

export type ChannelCheck = { ok: true } | { ok: false; missing: string[] };

/** Where core's views go out. Adapters render each view kind in their platform's terms. */
export interface Publisher {
  /** Whether the bot can post (and thread, attach) in the channel; names what is missing. */
  checkChannel(channel: string): Promise<ChannelCheck>;
  /**
   * Posts a view to a channel (or into a thread). `idempotencyKey` lets a platform drop a repeat
   * of the same post after a crash (Discord nonces, Slack message metadata).
   */
  post(
    target: { channel: string; thread?: PostedRef },
    view: OutgoingView,
    options?: { idempotencyKey?: string },
  ): Promise<PostedRef>;
}

/** The failure a Publisher throws when the platform refuses for good (missing access, unknown channel). */
export class PublishRefusedError extends Error {
  readonly code = 'PUBLISH_REFUSED';
  constructor(
    message: string,
    readonly reason: 'missing-permissions' | 'unknown-channel' | 'other',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PublishRefusedError';
  }
}

/** Everything the quiz use cases need. Built in main.ts. */
export interface QuizDeps {
  clock: Clock;
  subscriptions: SubscriptionStore;
  daily: DailyStore;
  scores: ScoreStore;
  workspaces: WorkspaceStore;
  scheduler: Scheduler;
  publisher: Publisher;
  /** Unique per process; owner of claims. */
  instanceId: string;
}
