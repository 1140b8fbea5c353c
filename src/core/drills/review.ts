/**
 * A session in the DM: reveal a card's answer, rate it Again/Hard/Good/Easy, get its next due day
 * and the session's next card (or the summary after the last one).
 */
import type { Question } from '../bank/model.js';
import type { Catalog } from '../catalog.js';
import { nextFiring } from '../quiz/daily.js';
import type { Actor } from '../quiz/types.js';
import { dayKey, zonedInstant } from '../time/zone.js';
import { cardBack, cardFront, positionOf } from './card-views.js';
import { plusDays, reviewStreak } from './days.js';
import { previewIntervals, rateCard } from './fsrs.js';
import type { DrillDeps } from './ports.js';
import type { CardState, DrillRating, DrillSession, ReviewLog } from './types.js';
import {
  type DrillCardBack,
  type DrillCardFront,
  type DrillOutcome,
  type DrillSummaryView,
  drillFail,
  drillOk,
} from './views.js';

/** Optimistic retries only race with the same person's other clicks, so a few always suffice. */
const MAX_REVIEW_ATTEMPTS = 5;

export interface ReviewResult {
  questionId: string;
  rating: DrillRating;
  /** FSRS's interval and the local day it ends on. */
  intervalDays: number;
  dueDay: string;
  /** The delivery that will bring the card back (the person's time on `dueDay`, or later). */
  nextAt: string | null;
  /** The session's next unrated card, or the summary after the last. */
  next: DrillCardFront | DrillSummaryView;
}

/** The reveal button: a pending card's answer side with the four ratings. */
export async function revealCard(
  deps: DrillDeps,
  catalog: Catalog,
  actor: Actor,
  input: { questionId: string },
): Promise<DrillOutcome<DrillCardBack>> {
  const found = await pendingCard(deps, catalog, actor.player, input.questionId);
  if (!found.ok) return found;
  const { session, card, question } = found.value;
  const intervals = previewIntervals(card.fsrs, deps.clock.now());
  return drillOk(cardBack(question, positionOf(session.cards, card.questionId), intervals));
}

/** A rating button: one FSRS step at the clock's now, stored atomically; counts once per card. */
export async function reviewCard(
  deps: DrillDeps,
  catalog: Catalog,
  actor: Actor,
  input: { questionId: string; rating: DrillRating },
): Promise<DrillOutcome<ReviewResult>> {
  for (let attempt = 0; attempt < MAX_REVIEW_ATTEMPTS; attempt++) {
    const found = await pendingCard(deps, catalog, actor.player, input.questionId);
    if (!found.ok) return found;
    const { session, card } = found.value;
    const sub = await deps.drills.getSubscription(session.workspace, actor.player);
    const zone = sub?.timezone ?? session.timezone;
    const now = deps.clock.now();
    const today = dayKey(now, zone);
    const step = rateCard(card.fsrs, now, input.rating);
    const dueDay = plusDays(today, step.scheduledDays);
    const log: ReviewLog = {
      player: actor.player,
      questionId: card.questionId,
      rating: input.rating,
      phase: card.fsrs.state,
      at: now.toISOString(),
      day: today,
      scheduledDays: step.scheduledDays,
    };
    const write = await deps.drills.recordReview({
      next: { ...card, fsrs: step.card, dueDay },
      expectedReps: card.fsrs.reps,
      log,
    });
    if (write === 'not-pending') {
      return drillFail({ code: 'not-in-session', questionId: input.questionId });
    }
    if (write === 'stale') continue;
    const nextAt = sub ? deliveryOn(dueDay, sub, now).toISOString() : null;
    return drillOk({
      questionId: card.questionId,
      rating: input.rating,
      intervalDays: step.scheduledDays,
      dueDay,
      nextAt,
      next: await nextView(deps, catalog, actor.player, today, sub),
    });
  }
  throw new Error(
    `card ${input.questionId} of ${actor.player} kept changing during ${MAX_REVIEW_ATTEMPTS} attempts`,
  );
}

type Found = { session: DrillSession; card: CardState; question: Question };

async function pendingCard(
  deps: DrillDeps,
  catalog: Catalog,
  player: string,
  questionId: string,
): Promise<DrillOutcome<Found>> {
  const session = await deps.drills.session(player);
  if (!session) return drillFail({ code: 'no-session' });
  if (!session.pending.includes(questionId)) {
    return drillFail({ code: 'not-in-session', questionId });
  }
  const card = await deps.drills.card(player, questionId);
  const question = catalog.get(questionId);
  if (!card || !question) return drillFail({ code: 'unknown-question', questionId });
  return drillOk({ session, card, question });
}

/** The session's next pending card that is still in the bank, else the summary. */
async function nextView(
  deps: DrillDeps,
  catalog: Catalog,
  player: string,
  today: string,
  sub: { time: string; timezone: string } | null,
): Promise<DrillCardFront | DrillSummaryView> {
  const session = (await deps.drills.session(player))!;
  for (const id of session.pending) {
    const question = catalog.get(id);
    if (!question) continue;
    const card = await deps.drills.card(player, id);
    return cardFront(question, positionOf(session.cards, id), card?.fsrs.state === 'New');
  }
  const inSession = new Set(session.cards);
  const logs = (await deps.drills.reviews(player, new Date(session.deliveredAt))).filter((log) =>
    inSession.has(log.questionId),
  );
  const nextDueDay = (await deps.drills.cards(player)).map((c) => c.dueDay).sort()[0] ?? null;
  const totals = await deps.drills.reviewTotals(player);
  return {
    kind: 'drill-summary',
    rated: session.cards.length - session.pending.length,
    again: logs.filter((log) => log.rating === 'again').length,
    nextDueDay,
    nextAt: nextDueDay && sub ? deliveryOn(nextDueDay, sub, deps.clock.now()).toISOString() : null,
    streak: reviewStreak(Object.keys(totals.days), today),
  };
}

/** The first delivery that brings a card due on `day`: that day's firing, or the next one after now. */
export function deliveryOn(day: string, sub: { time: string; timezone: string }, now: Date): Date {
  const at = zonedInstant(day, sub.time, sub.timezone);
  return at.getTime() > now.getTime() ? at : nextFiring(sub, now);
}
