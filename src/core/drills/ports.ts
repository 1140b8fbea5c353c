/** What the drill use cases need from outside; Redis, BullMQ and the platforms implement these. */
import type { ClaimResult } from '../quiz/ports.js';
import type { PostedRef } from '../quiz/types.js';
import type { Clock } from '../time/clock.js';
import type { CardState, DmRefusal, DrillSession, DrillSubscription, ReviewLog } from './types.js';
import type { DrillOutgoingView } from './views.js';

export type { ClaimResult };

/** What one delivery writes, all at once. */
export interface DeliveryRecord {
  player: string;
  slot: string;
  /** Replaces the person's session (its pending cards with it); null when nothing was due. */
  session: DrillSession | null;
  /** Cards introduced by this delivery; a card the person already has is left as it is. */
  newCards: CardState[];
}

export type ReviewWrite = 'recorded' | 'not-pending' | 'stale';

/** Drill subscriptions, cards, sessions and review history. Every call is atomic. */
export interface DrillStore {
  getSubscription(workspace: string, player: string): Promise<DrillSubscription | null>;
  putSubscription(sub: DrillSubscription): Promise<void>;
  /** False when there was none. */
  removeSubscription(workspace: string, player: string): Promise<boolean>;
  /** Every subscription (start-up sync, fast-forward), ordered by workspace then player. */
  listSubscriptions(): Promise<DrillSubscription[]>;
  /** One person's subscriptions in every workspace, ordered by workspace. */
  subscriptionsOf(player: string): Promise<DrillSubscription[]>;

  /** All of a person's cards, ordered by question id. */
  cards(player: string): Promise<CardState[]>;
  card(player: string, questionId: string): Promise<CardState | null>;

  /**
   * Claims the right to deliver `player|slot` for `leaseMs`: `posted` once it was delivered,
   * `busy` while another process (or job) holds an unexpired lease.
   */
  claimDelivery(player: string, slot: string, owner: string, leaseMs: number): Promise<ClaimResult>;
  /** Gives a claim back after a failed delivery, so a retry can take it at once. */
  releaseDelivery(player: string, slot: string, owner: string): Promise<void>;
  /** Marks the slot delivered, stores its session and new cards, frees the lease. */
  recordDelivery(record: DeliveryRecord): Promise<void>;
  session(player: string): Promise<DrillSession | null>;

  /**
   * Stores a review: only while the card is pending in the session (`not-pending` otherwise, so a
   * double click counts once) and only if the stored card still has `expectedReps` reviews
   * (`stale` otherwise: re-read and try again). Removes it from the pending cards, writes the
   * card and appends the log.
   */
  recordReview(input: {
    next: CardState;
    expectedReps: number;
    log: ReviewLog;
  }): Promise<ReviewWrite>;
  /** Reviews at or after `since`, oldest first. */
  reviews(player: string, since: Date): Promise<ReviewLog[]>;
  /** All-time review count and the count per local review day. */
  reviewTotals(player: string): Promise<{ total: number; days: Record<string, number> }>;

  /** Records that the platform refused a DM; a refusal already recorded keeps its told flag. */
  recordDmRefusal(workspace: string, player: string, refusal: DmRefusal): Promise<void>;
  /** A successful DM ends the refusal. */
  clearDmRefusal(workspace: string, player: string): Promise<void>;
  /** The refusal, the first time it is asked for after being recorded; null afterwards. */
  takeDmRefusal(workspace: string, player: string): Promise<DmRefusal | null>;
}

/** The daily delivery of each subscription (cron `MM HH * * *` in its zone). Idempotent. */
export interface DrillScheduler {
  upsertDrill(sub: DrillSubscription): Promise<void>;
  removeDrill(workspace: string, player: string): Promise<void>;
}

/**
 * Where drill views go out: a platform publisher that renders drill views. Core's `Publisher`
 * satisfies this once its `OutgoingView` includes `DrillOutgoingView`. A refusal to DM (closed
 * DMs) is a `PublishRefusedError`.
 */
export interface DrillPublisher {
  post(
    target: { channel: string },
    view: DrillOutgoingView,
    options?: { idempotencyKey?: string },
  ): Promise<PostedRef>;
}

/** The adapter's direct-message channel key for a player key (only adapters know both shapes). */
export interface DirectMessages {
  channelFor(player: string): Promise<string>;
}

/** Everything the drill use cases need. Built in main.ts. */
export interface DrillDeps {
  clock: Clock;
  drills: DrillStore;
  drillScheduler: DrillScheduler;
  publisher: DrillPublisher;
  directMessages: DirectMessages;
  /** Unique per process; owner of delivery claims. */
  instanceId: string;
}
