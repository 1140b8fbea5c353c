/**
 * What any platform says about drills, in one language: plain sentences without markup, like
 * `src/i18n/types.ts`. Kept apart from the shared Wording so drills are one folder.
 */
import type { Locale } from '../../../commands/quiz.js';
import type { DrillReplyFailure, DrillRated } from '../../commands/reply.js';
import type { DrillRating } from '../../core/drills/types.js';
import type {
  DrillNotice,
  DrillSessionView,
  DrillSummaryView,
  SessionPosition,
} from '../../core/drills/views.js';

export interface DrillWording {
  readonly locale: Locale;
  /** A notice from core; `zone` shows the time of a refused DM (the other times carry their own). */
  notice(notice: DrillNotice, zone: string): string;
  /** An expected failure as one or two sentences. */
  failure(failure: DrillReplyFailure): string;

  /** `Drill · Mon 2 Mar — 2 reviews, 3 new`: the first line of a delivery's DM. */
  sessionHeader(view: DrillSessionView): string;
  /** `Card 2 of 5 · new`. */
  cardHeader(position: SessionPosition, isNew: boolean): string;
  /** `Card 2 of 5 · answer`. */
  answerHeader(position: SessionPosition): string;
  /** The key points shown as a hint on a card's question side. */
  hint(keyPoints: string): string;
  /** The reveal button. */
  readonly revealButton: string;
  /** The question under the rating buttons. */
  readonly howWell: string;
  rating(rating: DrillRating): string;
  /** A rating button: `Good · 3d`. */
  ratingButton(rating: DrillRating, days: number): string;
  /** `3 days`. */
  days(n: number): string;
  /** `Good — Q3 comes back in 3 days, on Thu 5 Mar.` */
  rated(rated: DrillRated): string;
  readonly summaryHeader: string;
  /** The session's rated cards, its Again count, the streak and the next due day. */
  summary(view: DrillSummaryView): string;
  /** `Mon 2 Mar` for a `YYYY-MM-DD` local day. */
  day(day: string): string;
}
