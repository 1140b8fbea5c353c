/**
 * What any platform says about competitions, in one language: plain sentences without markup,
 * like `src/i18n/types.ts`. Kept apart from the shared Wording so competitions are one folder.
 */
import type { Locale } from '../../../commands/quiz.js';
import type { Standing } from '../../core/competitions/model.js';
import type {
  CompeteFailure,
  CompeteNotice,
  CompetitionStandingsView,
  RoundNumber,
  RoundPrompt,
} from '../../core/competitions/views.js';

export interface CompeteWording {
  readonly locale: Locale;
  /** A notice from core; times are shown in `zone`. */
  notice(notice: CompeteNotice, zone: string): string;
  /** An expected failure as one or two sentences. */
  failure(failure: CompeteFailure): string;

  /** `Round 2 of 5`. */
  roundHeader(round: RoundNumber): string;
  /** How to answer this round, and how long there is. */
  howToAnswer(item: RoundPrompt, seconds: number): string;
  /** The label of the button that opens a typed entry. */
  readonly entryButton: string;
  /** Where the entry is typed when the platform has no modal (`/press answer <value>`). */
  entryHint(command: string): string;
  /** `Round 2 of 5 · result`. */
  resultHeader(round: RoundNumber): string;
  /** `Answer: b`, with the right option texts when there are some. */
  expected(expected: string, options: readonly { id: string; text: string }[]): string;
  /** `3 answered, 2 right`. */
  tally(answered: number, correct: number): string;
  readonly fastestHeader: string;
  readonly noneCorrect: string;
  /** One of the fastest correct answers. */
  fastLine(rank: number, name: string, elapsedMs: number, points: number): string;
  readonly standingsSoFar: string;
  /** `Round 3 opens at 09:30:05.` */
  next(number: number, at: string, zone: string): string;
  readonly lastRound: string;
  /** The heading of the final or stopped standings. */
  standingsHeader(view: CompetitionStandingsView): string;
  standingLine(line: Standing): string;
  readonly noPlayers: string;
  /** Board points each player received. */
  awarded(lines: readonly { name: string; points: number }[]): string;
  /** `4.2 s`. */
  seconds(ms: number): string;
}
