/**
 * Competitions: timed rounds of gradable items in a channel. Everything a running competition
 * needs is fixed at start and stored with it (the items included), so any process can carry it on
 * from the store alone, and a bank edited mid-competition changes nothing in it.
 */
import type { Item } from '../items/model.js';
import type { PostedRef } from '../quiz/types.js';

export const DEFAULT_ROUNDS = 5;
export const MIN_ROUNDS = 1;
export const MAX_ROUNDS = 20;
export const DEFAULT_SECONDS = 30;
export const MIN_SECONDS = 10;
export const MAX_SECONDS = 300;
/** From `compete start` to the first round: time to gather. */
export const LEAD_IN_MS = 5_000;
/** From a round's result to the next round: time to read it. */
export const PAUSE_MS = 5_000;

export type CompetitionState = 'running' | 'finished' | 'stopped';

/** What `compete start` fixes for the whole competition. */
export interface CompetitionPlan {
  /** Opaque and unique; every job and idempotency key of the competition is derived from it. */
  id: string;
  workspace: string;
  channel: string;
  /** Player key of who started it: they (or an admin) may stop it. */
  startedBy: string;
  startedByName: string;
  secondsPerRound: number;
  /** The tags the items were drawn from; empty means all. */
  tags: string[];
  /** What chose the items, their option order and template numbers. */
  seed: string;
  /** One item per round, options already shuffled, templates already drawn. */
  items: Item[];
  createdAt: string;
}

/** One round's progress. Times are ISO strings of the bot's clock. */
export interface RoundState {
  /** When the round is planned to open (set when the previous step scheduled it). */
  opensAt: string | null;
  /** When its message was out: the zero of every answer's timing. */
  openedAt: string | null;
  /** `openedAt` + the round's seconds: answers after it are refused. */
  closesAt: string | null;
  message: PostedRef | null;
  /** Answers are frozen. */
  closed: boolean;
  /** The round's result message went out. */
  resultPosted: boolean;
}

export interface Competition extends CompetitionPlan {
  state: CompetitionState;
  /** The round in play or next to open, 0-based. */
  round: number;
  /** One per item. */
  rounds: RoundState[];
  endedAt: string | null;
  /** The final (or stopped) standings went out. */
  standingsPosted: boolean;
}

/** One person's answer to one round, as recorded (the first one they sent). */
export interface RoundAnswer {
  player: string;
  name: string;
  /** What they answered, as the grader read it (option ids, a number, a folded term). */
  answer: string;
  correct: boolean;
  points: number;
  /** Server time from the round's opening to the answer's arrival. */
  elapsedMs: number;
}

/** A line of a competition's standings. Equal points share a rank. */
export interface Standing {
  rank: number;
  player: string;
  name: string;
  points: number;
  correct: number;
  answered: number;
}

/** An empty round state, for a competition's rounds before they are planned. */
export const NEW_ROUND: Readonly<RoundState> = {
  opensAt: null,
  openedAt: null,
  closesAt: null,
  message: null,
  closed: false,
  resultPosted: false,
};
