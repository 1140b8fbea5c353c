/**
 * What any platform says to people, in one language: plain sentences without markup (each
 * renderer adds its own bold and code). `en.ts` and `zh-CN.ts` implement it; renderers only ever
 * ask for a sentence by meaning, so a new language is one more file.
 */
import type { Locale } from '../../commands/quiz.js';
import type { CommandFailure } from '../commands/reply.js';
import type { PeriodKind, Rating, Streak } from '../core/quiz/types.js';
import type { LeaderboardView, Notice, Recap } from '../core/quiz/views.js';

export interface Wording {
  readonly locale: Locale;
  /** An expected failure as one or two sentences; suggested questions are listed by the renderer. */
  failure(failure: CommandFailure): string;
  /** The heading of the suggestions listed after an unknown question. */
  readonly didYouMean: string;
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
  readonly revealHeader: string;
  recap(recap: Recap): string;
  /** Above a private peek at a daily question's answer. */
  peekHeader(questionId: string): string;
}
