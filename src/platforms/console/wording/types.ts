/**
 * Everything the console says, in one language. `en.ts` and `zh.ts` implement it; handlers and
 * the publisher only ever ask for a sentence by meaning, so a new language is one more file.
 */
import type { Locale } from '../../../../commands/quiz.js';
import type { Streak } from '../../../core/quiz/types.js';
import type { PeriodKind, Rating } from '../../../core/quiz/types.js';
import type { LeaderboardView, Notice, QuizFailure, Recap } from '../../../core/quiz/views.js';

export interface Wording {
  readonly locale: Locale;
  /** An expected failure from core, as one or two sentences. */
  failure(failure: QuizFailure): string;
  /** `reveal-after` text that is not a duration (the adapter parses it before core sees it). */
  badDuration(value: string): string;
  /** A notice from core; times are shown in the subscription's zone. */
  notice(notice: Notice): string;

  rating(rating: Rating): string;
  /** `rate knew` → the button's label; `reveal` → "Show answer". */
  button(action: 'reveal' | Rating): string;
  boardTitle(period: PeriodKind, final: boolean): string;
  boardSubtitle(view: LeaderboardView): string;
  points(n: number): string;
  streak(streak: Streak): string;
  readonly you: string;
  readonly emptyBoard: string;
  readonly finalBadge: string;

  dailyHeader(day: string): string;
  /** The key points shown as a hint under a daily question. */
  hint(keyPoints: string): string;
  answerAt(when: string): string;
  readonly pressHelp: string;
  readonly revealHeader: string;
  recap(recap: Recap): string;
  peekHeader(questionId: string): string;
  /** The title line of a posted message: where and when. */
  postedIn(channel: string, when: string): string;
  threadOf(messageId: string): string;
  cardWritten(path: string): string;

  readonly console: ConsoleWording;
  readonly lookup: LookupWording;
}

/** Answers to the console's own slash commands (`/as`, `/clock` …). */
export interface ConsoleWording {
  banner: string;
  notACommand: string;
  unknownCommand(name: string, known: string[]): string;
  badName(name: string): string;
  actingAs(user: string, channel: string, admin: boolean): string;
  admin(on: boolean, user: string): string;
  language(locale: Locale): string;
  perms(channel: string, allowed: boolean): string;
  clockNow(when: string, zone: string): string;
  clockUsage: string;
  clockMoved(from: string, to: string, ran: number): string;
  fastForwardItem(when: string, what: string, status: string): string;
  inboxEmpty: string;
  inboxHeader(n: number): string;
  newDm(user: string): string;
  pressUsage: string;
  nothingToPress: string;
  noSuchButton(wanted: string, available: string[]): string;
  unexpected(message: string): string;
}

/** Answers to `/quiz show | search | random`. */
export interface LookupWording {
  unknownQuestion(input: string, suggestions: string[]): string;
  emptyQuery: string;
  noHits(query: string): string;
  noRandom(tag: string | null, known: string[]): string;
}
