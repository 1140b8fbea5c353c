/**
 * What competition use cases hand to adapters: the round message, its result, the standings, and
 * notices and failures for command replies. Adapters word and lay them out.
 */
import type { GradeProblem } from '../items/grade.js';
import type { ChoiceOption, Item } from '../items/model.js';
import type { CompetitionState, Standing } from './model.js';

/** A competition button's meaning; adapters encode it into their own ids. */
export type CompeteButton =
  /** Answers the round with one option. */
  | { action: 'compete-answer'; competitionId: string; round: number; optionId: string }
  /**
   * A typed answer: without `value` it asks the adapter for an entry (a modal on Discord and
   * Slack); the adapter sends it again with the typed `value` (`/press answer 42` on the console).
   */
  | { action: 'compete-entry'; competitionId: string; round: number; value?: string };

/** A round's item as players see it: never its answer. */
export interface RoundPrompt {
  kind: Item['kind'];
  prompt: string;
  /** Choice and cloze options, in this round's order; empty for numeric items. */
  options: ChoiceOption[];
  /** A choice item with several right options: all of them must be typed (`a c`). */
  multiple: boolean;
  /** The unit a numeric answer is in (it may be typed but is never required). */
  unit: string | null;
}

/** Position of a round, 1-based for people. */
export interface RoundNumber {
  number: number;
  of: number;
}

export interface CompetitionRoundView {
  kind: 'competition-round';
  competitionId: string;
  round: RoundNumber;
  item: RoundPrompt;
  seconds: number;
  buttons: CompeteButton[];
}

/** A correct answer among the round's fastest. */
export interface FastAnswer {
  player: string;
  name: string;
  elapsedMs: number;
  points: number;
}

export interface CompetitionResultView {
  kind: 'competition-result';
  competitionId: string;
  round: RoundNumber;
  prompt: string;
  /** The right answer as the grader states it (`b`, `a, c`, `32 px`, `白化`). */
  expected: string;
  /** The right options' texts for choice and cloze items (empty for numeric). */
  expectedOptions: ChoiceOption[];
  explanation: string;
  answered: number;
  correct: number;
  fastest: FastAnswer[];
  /** Standings after this round (the top of them). */
  standings: Standing[];
  /** When the next round opens; null after the last. */
  next: { number: number; opensAt: string } | null;
}

export interface CompetitionStandingsView {
  kind: 'competition-standings';
  competitionId: string;
  state: Exclude<CompetitionState, 'running'>;
  roundsPlayed: number;
  rounds: number;
  standings: Standing[];
  /** Board points each player received (finished competitions only). */
  awarded: { player: string; name: string; points: number }[];
}

export type CompetitionView =
  CompetitionRoundView | CompetitionResultView | CompetitionStandingsView;

/** A competition's state for `compete status`. */
export interface CompetitionSummary {
  competitionId: string;
  startedByName: string;
  tags: string[];
  secondsPerRound: number;
  round: RoundNumber;
  /** `waiting`: the round opens at `at`; `open`: it closes at `at`; `closing`: past its deadline. */
  phase: 'waiting' | 'open' | 'closing';
  at: string | null;
  standings: Standing[];
}

/** Expected outcomes worth a sentence. */
export type CompeteNotice =
  | {
      code: 'compete-started';
      competitionId: string;
      rounds: number;
      secondsPerRound: number;
      tags: string[];
      opensAt: string;
    }
  | { code: 'compete-stopped'; competitionId: string; roundsPlayed: number }
  | { code: 'compete-status'; competition: CompetitionSummary | null }
  | { code: 'compete-answered'; round: RoundNumber; elapsedMs: number };

/** Expected failures of competition commands and buttons. */
export type CompeteFailure =
  | { code: 'unknown-tags'; tags: string[]; known: string[] }
  | { code: 'missing-permissions'; missing: string[] }
  | { code: 'bad-rounds'; value: number; min: number; max: number }
  | { code: 'bad-seconds'; value: number; min: number; max: number }
  | { code: 'not-enough-items'; tags: string[]; wanted: number; available: number }
  | { code: 'competition-running'; competitionId: string }
  | { code: 'no-competition' }
  | { code: 'not-starter' }
  | { code: 'round-not-open' }
  | { code: 'round-closed' }
  | { code: 'already-answered' }
  | { code: 'unreadable-answer'; problem: GradeProblem; kind: Item['kind'] };

export type CompeteOutcome<T> = { ok: true; value: T } | { ok: false; failure: CompeteFailure };

export const competeOk = <T>(value: T): CompeteOutcome<T> => ({ ok: true, value });
export const competeFail = <T = never>(failure: CompeteFailure): CompeteOutcome<T> => ({
  ok: false,
  failure,
});
