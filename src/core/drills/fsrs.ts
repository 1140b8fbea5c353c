/**
 * The only file that speaks ts-fsrs. Whole-day intervals suit one delivery a day, so short-term
 * (minute) learning steps are off: a new card rated Good comes back in days, Again in a day or
 * two. Fuzz is off so that a schedule can be replayed and tested exactly.
 */
import {
  type Card,
  type CardInput,
  type Grade,
  Rating,
  State,
  createEmptyCard,
  fsrs,
} from 'ts-fsrs';
import type { CardPhase, DrillRating, FsrsCardData } from './types.js';

const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });

const GRADES: Readonly<Record<DrillRating, Grade>> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/** A card never reviewed, due at `now`. */
export function emptyCard(now: Date): FsrsCardData {
  return toData(createEmptyCard(now));
}

/** The card after rating it at `now`. */
export function rateCard(
  card: FsrsCardData,
  now: Date,
  rating: DrillRating,
): { card: FsrsCardData; scheduledDays: number } {
  const next = scheduler.next(toInput(card), now, GRADES[rating]).card;
  return { card: toData(next), scheduledDays: next.scheduled_days };
}

/** The interval in days each rating would give at `now` (shown on the rating buttons). */
export function previewIntervals(card: FsrsCardData, now: Date): Record<DrillRating, number> {
  const preview = scheduler.repeat(toInput(card), now);
  return {
    again: preview[Rating.Again].card.scheduled_days,
    hard: preview[Rating.Hard].card.scheduled_days,
    good: preview[Rating.Good].card.scheduled_days,
    easy: preview[Rating.Easy].card.scheduled_days,
  };
}

function toData(card: Card): FsrsCardData {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: State[card.state] as CardPhase,
    last_review: card.last_review ? card.last_review.toISOString() : null,
  };
}

function toInput(card: FsrsCardData): CardInput {
  // ts-fsrs accepts ISO strings for dates and the state's name (TypeConvert parses them).
  return { ...card };
}
