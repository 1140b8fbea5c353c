/** Drives a person's drill day by day through the real use cases (deliver, reveal, rate). */
import type { Catalog } from '../../src/core/catalog.js';
import { type DeliverResult, deliverDue } from '../../src/core/drills/deliver.js';
import type { DrillDeps } from '../../src/core/drills/ports.js';
import { type ReviewResult, revealCard, reviewCard } from '../../src/core/drills/review.js';
import type { DrillRating } from '../../src/core/drills/types.js';
import type { Actor } from '../../src/core/quiz/types.js';
import type { ManualClock } from '../../src/core/time/clock.js';
import { zonedInstant } from '../../src/core/time/zone.js';

export interface DayRun {
  delivery: DeliverResult;
  reviews: ReviewResult[];
}

/**
 * At the person's delivery time on `day` (their zone), delivers like the job would, then rates
 * every card of the session a minute apart with `rate(questionId)` (null leaves it unrated).
 */
export async function drillDay(
  h: { deps: DrillDeps; clock: ManualClock; catalog: Catalog },
  actor: Actor,
  workspace: string,
  day: string,
  rate: (questionId: string) => DrillRating | null,
): Promise<DayRun> {
  const sub = (await h.deps.drills.getSubscription(workspace, actor.player))!;
  const scheduledAt = zonedInstant(day, sub.time, sub.timezone);
  h.clock.set(scheduledAt);
  const delivery = await deliverDue(h.deps, h.catalog, {
    player: actor.player,
    workspace,
    scheduledAt,
  });
  const reviews: ReviewResult[] = [];
  if (delivery.status !== 'delivered') return { delivery, reviews };
  for (const questionId of delivery.session.cards) {
    const rating = rate(questionId);
    if (!rating) continue;
    h.clock.advance(60_000);
    const back = await revealCard(h.deps, h.catalog, actor, { questionId });
    if (!back.ok) throw new Error(`reveal ${questionId}: ${back.failure.code}`);
    const review = await reviewCard(h.deps, h.catalog, actor, { questionId, rating });
    if (!review.ok) throw new Error(`review ${questionId}: ${review.failure.code}`);
    reviews.push(review.value);
  }
  return { delivery, reviews };
}
