/**
 * Which cards a delivery sends: due reviews first by due day, then new cards up to the daily cap;
 * unrated new cards carry over and count against the cap; tags limit new cards only.
 */
import { describe, expect, it } from 'vitest';
import { deliverDue, drillNow } from '../../../src/core/drills/deliver.js';
import { MAX_REVIEWS_PER_SESSION, selectCards } from '../../../src/core/drills/select.js';
import { startDrill } from '../../../src/core/drills/subscribe.js';
import type { CardState } from '../../../src/core/drills/types.js';
import { eligibleQuestions } from '../../../src/core/quiz/eligible.js';
import { aCard } from '../../contract/drill-store.contract.js';
import { drillDay } from '../../support/drill-days.js';
import { PLACE, WS, at, createDrillHarness, person } from '../../support/drill-harness.js';

const ZONE = 'UTC';
const BO = person('bo');
const ids = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `Q${i + from}`);
const review = (id: string, dueDay: string, due = `${dueDay}T00:00:00.000Z`): CardState =>
  aCard(id, {
    dueDay,
    introducedOn: '2026-01-01',
    fsrs: { ...aCard(id).fsrs, state: 'Review', reps: 2, due },
  });

describe('selectCards', () => {
  const base = { player: 'p', day: '2026-02-10', perDay: 3, exists: () => true };

  it('puts due reviews first, earliest due day first, and leaves later ones out', () => {
    const cards = [
      review('Q1', '2026-02-10'),
      review('Q2', '2026-02-08'),
      review('Q3', '2026-02-11'),
      review('Q4', '2026-02-09', '2026-02-09T20:00:00.000Z'),
      review('Q5', '2026-02-09', '2026-02-09T10:00:00.000Z'),
    ];
    const s = selectCards({ ...base, cards, eligible: [] });
    expect(s.order).toEqual(['Q2', 'Q5', 'Q4', 'Q1']);
    expect(s).toMatchObject({ reviews: 4, fresh: 0, introduce: [] });
  });

  it('introduces at most perDay new cards, after the reviews', () => {
    const s = selectCards({ ...base, cards: [review('Q1', '2026-02-01')], eligible: ids(12) });
    expect(s.order[0]).toBe('Q1');
    expect(s.introduce).toHaveLength(3);
    expect(s.introduce).not.toContain('Q1');
    expect(s.order.slice(1)).toEqual(s.introduce);
  });

  it('counts unrated new cards from earlier days and cards introduced today against the cap', () => {
    const carried = [aCard('Q1', { introducedOn: '2026-02-09' })];
    const s1 = selectCards({ ...base, cards: carried, eligible: ids(12) });
    expect(s1.order[0]).toBe('Q1');
    expect(s1.introduce).toHaveLength(2);
    expect(s1.fresh).toBe(3);
    const today = [
      review('Q1', '2026-02-15'),
      aCard('Q2', { introducedOn: '2026-02-10' }),
      { ...review('Q3', '2026-02-12'), introducedOn: '2026-02-10' },
    ];
    const s2 = selectCards({ ...base, cards: today, eligible: ids(12) });
    expect(s2.introduce).toHaveLength(1);
    expect(s2.order).toEqual(['Q2', ...s2.introduce]);
  });

  it('orders new questions per person, stable when the bank grows', () => {
    const a = selectCards({ ...base, perDay: 5, cards: [], eligible: ids(12) }).introduce;
    const b = selectCards({
      ...base,
      perDay: 5,
      player: 'q',
      cards: [],
      eligible: ids(12),
    }).introduce;
    expect(a).not.toEqual(b);
    const grown = selectCards({ ...base, perDay: 5, cards: [], eligible: ids(40) }).introduce;
    expect(grown.filter((id) => ids(12).includes(id))).toEqual(
      a.filter((id) => grown.includes(id)),
    );
  });

  it('skips cards whose question left the bank, and caps a pile of reviews', () => {
    const pile = ids(MAX_REVIEWS_PER_SESSION + 20).map((id) => review(id, '2026-02-01'));
    const s = selectCards({ ...base, cards: pile, eligible: [], exists: (id) => id !== 'Q1' });
    expect(s.reviews).toBe(MAX_REVIEWS_PER_SESSION);
    expect(s.order).not.toContain('Q1');
  });
});

describe('deliveries with a per-day cap', () => {
  it('sends perDay new cards a day and never more, however often drill now is pressed', async () => {
    const h = createDrillHarness({ start: at('2026-02-10', '08:00', ZONE) });
    await startDrill(h.deps, h.catalog, BO, PLACE, { time: '09:00', timezone: ZONE, perDay: 2 });
    const day1 = await drillDay(h, BO, WS, '2026-02-10', () => 'good');
    expect(day1.reviews).toHaveLength(2);
    // Later the same day: the quota is used, nothing new.
    h.clock.set(at('2026-02-10', '12:00', ZONE));
    expect(await drillNow(h.deps, h.catalog, BO, PLACE)).toEqual({
      ok: true,
      value: { code: 'drill-nothing-due', nextDueDay: '2026-02-13' },
    });
    // Next day: two more new ones, none of the first two (due in 3 days).
    const day2 = await drillDay(h, BO, WS, '2026-02-11', () => null);
    const day2Cards = day2.delivery.status === 'delivered' ? day2.delivery.session.cards : [];
    expect(day2Cards).toHaveLength(2);
    expect(day2Cards.filter((id) => day1.reviews.some((r) => r.questionId === id))).toEqual([]);
    // Unrated, they carry over: day 3 brings the same two and nothing fresh.
    const day3 = await drillDay(h, BO, WS, '2026-02-12', () => null);
    expect(day3.delivery.status === 'delivered' && day3.delivery.session.cards).toEqual(day2Cards);
    // Day 4: the first two are due again (reviews first, in the order they fell due), then the
    // two carried ones.
    const day4 = await drillDay(h, BO, WS, '2026-02-13', () => 'good');
    const first = day1.reviews.map((r) => r.questionId);
    expect(day4.reviews.map((r) => r.questionId)).toEqual([...first, ...day2Cards]);
  });

  it('takes new cards only from the drill tags and complete questions', async () => {
    const h = createDrillHarness({ start: at('2026-02-10', '08:00', ZONE) });
    await startDrill(h.deps, h.catalog, BO, PLACE, {
      time: '09:00',
      timezone: ZONE,
      tags: ['ml'],
      perDay: 10,
    });
    h.clock.set(at('2026-02-10', '09:00', ZONE));
    const result = await deliverDue(h.deps, h.catalog, { player: BO.player, workspace: WS });
    const expected = eligibleQuestions(h.catalog, ['ML']).map((q) => q.id);
    expect(expected).toEqual(['Q9', 'Q10', 'Q11', 'Q12']);
    expect(result.status === 'delivered' && [...result.session.cards].sort()).toEqual(
      [...expected].sort(),
    );
  });
});
