/**
 * One session in the DM: reveal → rate → next card → summary. A rating counts once (a double
 * click, an old button), and only cards of the current session can be rated.
 */
import { describe, expect, it } from 'vitest';
import { deliverDue } from '../../../src/core/drills/deliver.js';
import { revealCard, reviewCard } from '../../../src/core/drills/review.js';
import { startDrill } from '../../../src/core/drills/subscribe.js';
import { drillDay } from '../../support/drill-days.js';
import { PLACE, WS, at, createDrillHarness, person } from '../../support/drill-harness.js';

const ZONE = 'Asia/Tokyo';
const GUS = person('gus');

async function delivered() {
  const h = createDrillHarness({ start: at('2026-05-01', '08:00', ZONE) });
  await startDrill(h.deps, h.catalog, GUS, PLACE, { time: '07:00', timezone: ZONE, perDay: 3 });
  const run = await drillDay(h, GUS, WS, '2026-05-02', () => null);
  if (run.delivery.status !== 'delivered') throw new Error(run.delivery.status);
  return { h, cards: run.delivery.session.cards };
}

describe('a session', () => {
  it('goes front → back → next front … → summary', async () => {
    const { h, cards } = await delivered();
    const back = await revealCard(h.deps, h.catalog, GUS, { questionId: cards[0]! });
    expect(back).toMatchObject({
      ok: true,
      value: {
        kind: 'drill-card',
        side: 'back',
        question: { id: cards[0] },
        position: { index: 1, total: 3 },
        intervals: { again: 1, hard: 2, good: 3, easy: 8 },
        buttons: ['again', 'hard', 'good', 'easy'].map((rating) => ({
          action: 'drill-rate',
          questionId: cards[0],
          rating,
        })),
      },
    });
    const first = await reviewCard(h.deps, h.catalog, GUS, {
      questionId: cards[0]!,
      rating: 'good',
    });
    expect(first).toMatchObject({
      ok: true,
      value: {
        questionId: cards[0],
        rating: 'good',
        intervalDays: 3,
        dueDay: '2026-05-05',
        nextAt: at('2026-05-05', '07:00', ZONE).toISOString(),
        next: { kind: 'drill-card', side: 'front', question: { id: cards[1] }, isNew: true },
      },
    });
    await reviewCard(h.deps, h.catalog, GUS, { questionId: cards[1]!, rating: 'again' });
    const last = await reviewCard(h.deps, h.catalog, GUS, {
      questionId: cards[2]!,
      rating: 'easy',
    });
    expect(last).toMatchObject({
      ok: true,
      value: {
        next: {
          kind: 'drill-summary',
          rated: 3,
          again: 1,
          nextDueDay: '2026-05-03',
          nextAt: at('2026-05-03', '07:00', ZONE).toISOString(),
          streak: { current: 1, best: 1, lastDay: '2026-05-02' },
        },
      },
    });
  });

  it('takes cards out of order and still ends with the summary', async () => {
    const { h, cards } = await delivered();
    const r = (i: number) =>
      reviewCard(h.deps, h.catalog, GUS, { questionId: cards[i]!, rating: 'good' });
    expect(await r(2)).toMatchObject({ value: { next: { question: { id: cards[0] } } } });
    expect(await r(0)).toMatchObject({ value: { next: { question: { id: cards[1] } } } });
    expect(await r(1)).toMatchObject({ value: { next: { kind: 'drill-summary', rated: 3 } } });
  });

  it('counts a double click once', async () => {
    const { h, cards } = await delivered();
    const rate = () =>
      reviewCard(h.deps, h.catalog, GUS, { questionId: cards[0]!, rating: 'good' });
    const [a, b] = await Promise.all([rate(), rate()]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(await rate()).toEqual({
      ok: false,
      failure: { code: 'not-in-session', questionId: cards[0] },
    });
    expect((await h.drills.reviewTotals(GUS.player)).total).toBe(1);
    expect((await h.drills.card(GUS.player, cards[0]!))!.fsrs.reps).toBe(1);
  });

  it('refuses cards outside the session and a person without one', async () => {
    const { h, cards } = await delivered();
    const notSent = h.catalog.bank.questions.find((q) => !cards.includes(q.id))!.id;
    expect(await revealCard(h.deps, h.catalog, GUS, { questionId: notSent })).toEqual({
      ok: false,
      failure: { code: 'not-in-session', questionId: notSent },
    });
    const stranger = person('hal');
    expect(
      await reviewCard(h.deps, h.catalog, stranger, { questionId: cards[0]!, rating: 'good' }),
    ).toEqual({ ok: false, failure: { code: 'no-session' } });
  });

  it('keeps unrated cards due: the next delivery brings them again', async () => {
    const { h, cards } = await delivered();
    await reviewCard(h.deps, h.catalog, GUS, { questionId: cards[0]!, rating: 'good' });
    h.clock.set(at('2026-05-03', '07:00', ZONE));
    const next = await deliverDue(h.deps, h.catalog, {
      player: GUS.player,
      workspace: WS,
      scheduledAt: h.clock.now(),
    });
    const again = next.status === 'delivered' ? next.session.cards : [];
    expect(again.slice(0, 2)).toEqual([cards[1], cards[2]]);
    expect(again).not.toContain(cards[0]);
    // An old button of yesterday's rated card does nothing.
    expect(
      await reviewCard(h.deps, h.catalog, GUS, { questionId: cards[0]!, rating: 'again' }),
    ).toMatchObject({ ok: false, failure: { code: 'not-in-session' } });
  });
});
