/** Builds the card views of a session from its order and the bank. */
import type { Question } from '../bank/model.js';
import { DRILL_RATINGS, type DrillRating } from './types.js';
import type { DrillCardBack, DrillCardFront, SessionPosition } from './views.js';

/** The position of a card in its session's order (1-based). */
export function positionOf(order: readonly string[], questionId: string): SessionPosition {
  return { index: order.indexOf(questionId) + 1, total: order.length };
}

/** A card's question side with its reveal button. */
export function cardFront(
  question: Question,
  position: SessionPosition,
  isNew: boolean,
): DrillCardFront {
  return {
    kind: 'drill-card',
    side: 'front',
    question,
    position,
    isNew,
    buttons: [{ action: 'drill-reveal', questionId: question.id }],
  };
}

/** A card's answer side with a button per rating. */
export function cardBack(
  question: Question,
  position: SessionPosition,
  intervals: Record<DrillRating, number>,
): DrillCardBack {
  return {
    kind: 'drill-card',
    side: 'back',
    question,
    position,
    intervals,
    buttons: DRILL_RATINGS.map((rating) => ({
      action: 'drill-rate',
      questionId: question.id,
      rating,
    })),
  };
}
