/** What the competition use cases need from outside; Redis, BullMQ and the platforms implement it. */
import type { ChannelCheck, ClaimResult, ScoreStore, WorkspaceStore } from '../quiz/ports.js';
import type { PostedRef } from '../quiz/types.js';
import type { Clock } from '../time/clock.js';
import type { CompetitionPlan, Competition, RoundAnswer, RoundState } from './model.js';
import type { CompetitionPool } from './pool.js';
import type { CompetitionView } from './views.js';

export type { ClaimResult };

/** The steps of a competition that post a message, each done once. */
export type CompetitionStep =
  { step: 'open'; round: number } | { step: 'result'; round: number } | { step: 'standings' };

export type CreateResult = { ok: true } | { ok: false; running: string };

/** Why an answer was not recorded; `accepted` when it was. */
export type SubmitResult = 'accepted' | 'already-answered' | 'closed' | 'not-open' | 'not-running';

/** Competitions, their rounds and answers. Every call is atomic. */
export interface CompetitionStore {
  /**
   * Saves a new competition as the one running in its channel, with round 0 planned at
   * `firstOpensAt`; `running` names the competition that already holds the channel.
   */
  create(plan: CompetitionPlan, firstOpensAt: string): Promise<CreateResult>;
  get(id: string): Promise<Competition | null>;
  /** The id of the competition running in a channel. */
  runningIn(channel: string): Promise<string | null>;
  /** Ids of every running competition, sorted. */
  listRunning(): Promise<string[]>;
  /**
   * Makes `round` the current round, to open at `opensAt`. Only while running and never
   * backwards; a round already planned keeps its first time. Returns the stored time, or null.
   */
  planRound(id: string, round: number, opensAt: string): Promise<string | null>;
  /**
   * Claims the right to do a posting step for `leaseMs`: `posted` once the step is done, `busy`
   * while another process (or job) holds an unexpired lease.
   */
  claim(id: string, step: CompetitionStep, owner: string, leaseMs: number): Promise<ClaimResult>;
  /** Gives a claim back after a failed post. */
  release(id: string, step: CompetitionStep, owner: string): Promise<void>;
  /**
   * Records that a round's message is out; the first record wins and frees the lease. Returns
   * the round as stored, or null when the competition is not running.
   */
  markOpened(
    id: string,
    round: number,
    opened: { openedAt: string; closesAt: string; message: PostedRef },
  ): Promise<RoundState | null>;
  /**
   * Records a person's answer when the competition runs, the round is open, `nowMs` is not past
   * its `closesAt` and it is their first answer to the round.
   */
  submit(id: string, round: number, answer: RoundAnswer, nowMs: number): Promise<SubmitResult>;
  /** Freezes a round's answers; false when it already was or never opened. */
  closeRound(id: string, round: number): Promise<boolean>;
  /** Marks a round's result (or, without a round, the standings) posted and frees the lease. */
  markPosted(id: string, step: Exclude<CompetitionStep, { step: 'open' }>): Promise<void>;
  /** A round's answers, ordered by player key. */
  answers(id: string, round: number): Promise<RoundAnswer[]>;
  /** Ends a running competition (finished or stopped) and frees its channel; false if not running. */
  end(id: string, state: 'finished' | 'stopped', at: string): Promise<boolean>;
}

/** The timed steps of a competition. Ids are derived from competition and round: idempotent. */
export interface RoundScheduler {
  scheduleOpen(competitionId: string, round: number, at: Date): Promise<void>;
  scheduleClose(competitionId: string, round: number, at: Date): Promise<void>;
}

/** Where competition views go; core's `Publisher` satisfies it. */
export interface CompetitionPublisher {
  checkChannel(channel: string): Promise<ChannelCheck>;
  post(
    target: { channel: string; thread?: PostedRef },
    view: CompetitionView,
    options?: { idempotencyKey?: string },
  ): Promise<PostedRef>;
}

/** Everything the competition use cases need. Built in main.ts. */
export interface CompetitionDeps {
  clock: Clock;
  competitions: CompetitionStore;
  rounds: RoundScheduler;
  publisher: CompetitionPublisher;
  scores: ScoreStore;
  workspaces: WorkspaceStore;
  /** Unique per process; owner of posting claims. */
  instanceId: string;
  /** A new competition id; default a random UUID. */
  newId?: () => string;
}

/** What commands need for competitions: the use cases' dependencies and the pool they draw from. */
export interface CompetitionServices {
  deps: CompetitionDeps;
  pool: CompetitionPool;
}
