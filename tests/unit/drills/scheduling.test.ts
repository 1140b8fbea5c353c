/**
 * FSRS across days with a controllable clock, through the use cases: a card rated Good comes back
 * later each time, Again brings it back within days, Easy > Good > Hard, and a card is delivered
 * on its due day and not before.
 */
import { describe, expect, it } from 'vitest';
import { deliverDue } from '../../../src/core/drills/deliver.js';
import { plusDays } from '../../../src/core/drills/days.js';
import { revealCard, reviewCard } from '../../../src/core/drills/review.js';
import { startDrill } from '../../../src/core/drills/subscribe.js';
import type { DrillRating } from '../../../src/core/drills/types.js';
import { drillDay } from '../../support/drill-days.js';
import { PLACE, WS, at, createDrillHarness, person } from '../../support/drill-harness.js';

const ZONE = 'Europe/Berlin';
const ANA = person('ana');

async function started(perDay = 1) {
  const h = createDrillHarness({ start: new Date('2026-01-05T08:00:00Z') });
  const result = await startDrill(h.deps, h.catalog, ANA, PLACE, {
    time: '21:00',
    timezone: ZONE,
    perDay,
  });
  expect(result.ok).toBe(true);
  return h;
}

/** Follows one card: on each delivery that includes it, rates it with the next rating. */
async function follow(ratings: DrillRating[]) {
  const h = await started(1);
  const first = await drillDay(h, ANA, WS, '2026-01-05', () => ratings[0]!);
  const id = first.reviews[0]!.questionId;
  const steps = [first.reviews[0]!];
  let day = '2026-01-05';
  const deliveredOn: string[] = ['2026-01-05'];
  for (const rating of ratings.slice(1)) {
    const dueDay = steps.at(-1)!.dueDay;
    // Every day up to the due day: the card is not in the session before it.
    for (day = plusDays(day, 1); day <= dueDay; day = plusDays(day, 1)) {
      const run = await drillDay(h, ANA, WS, day, (q) => (q === id ? rating : null));
      const included =
        run.delivery.status === 'delivered' && run.delivery.session.cards.includes(id);
      expect(included).toBe(day === dueDay);
      if (included) {
        deliveredOn.push(day);
        steps.push(run.reviews.find((r) => r.questionId === id)!);
      }
    }
    day = dueDay;
  }
  return { h, id, steps, deliveredOn };
}

describe('FSRS scheduling across days', () => {
  it('grows the interval on every Good', async () => {
    const { steps, deliveredOn } = await follow(['good', 'good', 'good', 'good']);
    const intervals = steps.map((s) => s.intervalDays);
    expect(intervals).toEqual([3, 14, 57, 196]);
    for (let i = 1; i < intervals.length; i++)
      expect(intervals[i]).toBeGreaterThan(intervals[i - 1]!);
    expect(deliveredOn).toEqual(['2026-01-05', '2026-01-08', '2026-01-22', '2026-03-20']);
    // The due day is the review's local day plus the interval, delivered at 21:00 that day.
    expect(steps[0]!.dueDay).toBe('2026-01-08');
    expect(steps[0]!.nextAt).toBe(at('2026-01-08', '21:00', ZONE).toISOString());
  });

  it('resets to a short interval on Again, then grows again', async () => {
    const { h, id, steps } = await follow(['good', 'good', 'good', 'again', 'good']);
    const intervals = steps.map((s) => s.intervalDays);
    expect(intervals.slice(0, 3)).toEqual([3, 14, 57]);
    expect(intervals[3]).toBeLessThanOrEqual(3);
    expect(intervals[4]).toBeGreaterThan(intervals[3]!);
    expect(intervals[4]).toBeLessThan(57);
    const card = (await h.drills.card(ANA.player, id))!;
    expect(card.fsrs.lapses).toBe(1);
    expect(card.fsrs.reps).toBe(5);
  });

  it('orders Easy > Good > Hard on the buttons and in the schedule', async () => {
    const h = await started(3);
    h.clock.set(at('2026-01-05', '21:00', ZONE));
    const delivery = await deliverDue(h.deps, h.catalog, { player: ANA.player, workspace: WS });
    expect(delivery.status).toBe('delivered');
    const ids = delivery.status === 'delivered' ? delivery.session.cards : [];
    const back = await revealCard(h.deps, h.catalog, ANA, { questionId: ids[0]! });
    expect(back.ok && back.value.intervals).toEqual({ again: 1, hard: 2, good: 3, easy: 8 });
    const got: Partial<Record<DrillRating, number>> = {};
    for (const [i, rating] of (['hard', 'good', 'easy'] as const).entries()) {
      const review = await reviewCard(h.deps, h.catalog, ANA, { questionId: ids[i]!, rating });
      if (!review.ok) throw new Error(review.failure.code);
      got[rating] = review.value.intervalDays;
    }
    expect(got.easy!).toBeGreaterThan(got.good!);
    expect(got.good!).toBeGreaterThan(got.hard!);
    expect(got.hard!).toBeGreaterThanOrEqual(1);
  });

  it('brings a card back the day after an Again on a new card', async () => {
    const h = await started(1);
    const first = await drillDay(h, ANA, WS, '2026-01-05', () => 'again');
    expect(first.reviews[0]!.intervalDays).toBe(1);
    const next = await drillDay(h, ANA, WS, '2026-01-06', () => 'good');
    expect(next.reviews.map((r) => r.questionId)).toContain(first.reviews[0]!.questionId);
  });
});
