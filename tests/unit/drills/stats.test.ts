/**
 * Streaks and retention on a scripted week in Shanghai: who reviewed what, when, rated how; the
 * numbers are worked out by hand from the script and FSRS's first intervals (Again 1 day, Hard 2,
 * Good 3, Easy 8; Good on a card reviewed Good 3 days earlier: 14).
 */
import { describe, expect, it } from 'vitest';
import { reviewStreak } from '../../../src/core/drills/days.js';
import { drillStats } from '../../../src/core/drills/stats.js';
import { startDrill } from '../../../src/core/drills/subscribe.js';
import type { DrillRating } from '../../../src/core/drills/types.js';
import { drillDay } from '../../support/drill-days.js';
import { PLACE, WS, at, createDrillHarness, person } from '../../support/drill-harness.js';

const SH = 'Asia/Shanghai';
const EVE = person('eve');

describe('reviewStreak', () => {
  it('counts consecutive local days; the current run lives through today', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-05', '2026-03-06'];
    expect(reviewStreak(days, '2026-03-06')).toEqual({
      current: 2,
      best: 3,
      lastDay: '2026-03-06',
    });
    expect(reviewStreak(days, '2026-03-07')).toEqual({
      current: 2,
      best: 3,
      lastDay: '2026-03-06',
    });
    expect(reviewStreak(days, '2026-03-08')).toEqual({
      current: 0,
      best: 3,
      lastDay: '2026-03-06',
    });
    expect(reviewStreak([], '2026-03-08')).toEqual({ current: 0, best: 0, lastDay: null });
    expect(reviewStreak(['2026-02-28', '2026-03-01'], '2026-03-01').current).toBe(2);
    expect(reviewStreak(['2024-12-31', '2025-01-01'], '2025-01-01').current).toBe(2);
  });
});

describe('a scripted week', () => {
  it('gives the right streak, reviews, recall rate, due counts and cards learned', async () => {
    const h = createDrillHarness({ start: at('2026-03-01', '12:00', SH) });
    await startDrill(h.deps, h.catalog, EVE, PLACE, { time: '08:00', timezone: SH, perDay: 2 });
    // New cards arrive two a day in eve's own order; name them by arrival: c1, c2, …
    const arrival: string[] = [];
    const name = (id: string) => {
      if (!arrival.includes(id)) arrival.push(id);
      return `c${arrival.indexOf(id) + 1}`;
    };
    const script: Record<string, Record<string, DrillRating> | null> = {
      // Mon: c1 Good (due Thu), c2 Good (due Thu)
      '2026-03-02': { c1: 'good', c2: 'good' },
      // Tue: c3 Again (due Wed), c4 Easy (due 11 Mar)
      '2026-03-03': { c3: 'again', c4: 'easy' },
      // Wed: c3 back, Again again (due Thu); c5 Good (due Sat), c6 Hard (due Fri)
      '2026-03-04': { c3: 'again', c5: 'good', c6: 'hard' },
      // Thu: c1 c2 c3 due and c7 c8 new, but eve does not open the DM
      '2026-03-05': null,
      // Fri: c1 c2 c3 c6 due, c7 c8 carried (no fresh ones): c2 Again, the rest Good
      '2026-03-06': { c1: 'good', c2: 'again', c3: 'good', c6: 'good', c7: 'good', c8: 'good' },
      // Sat: c2 (Again yesterday) and c5 due; two new c9 c10: all Good
      '2026-03-07': { c2: 'good', c5: 'good', c9: 'good', c10: 'good' },
      // Sun: c11 c12 new: one Hard, one Again
      '2026-03-08': { c11: 'hard', c12: 'again' },
    };
    const sessions: Record<string, string[]> = {};
    for (const [day, ratings] of Object.entries(script)) {
      const run = await drillDay(
        h,
        EVE,
        WS,
        day,
        (id) => (ratings ? ratings[name(id)] : null) ?? null,
      );
      // Compared in arrival order (the session order itself is checked in selection.test.ts).
      const cards = run.delivery.status === 'delivered' ? run.delivery.session.cards : [];
      sessions[day] = cards.map(name).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    }
    expect(sessions).toEqual({
      '2026-03-02': ['c1', 'c2'],
      '2026-03-03': ['c3', 'c4'],
      '2026-03-04': ['c3', 'c5', 'c6'],
      '2026-03-05': ['c1', 'c2', 'c3', 'c7', 'c8'],
      '2026-03-06': ['c1', 'c2', 'c3', 'c6', 'c7', 'c8'],
      '2026-03-07': ['c2', 'c5', 'c9', 'c10'],
      '2026-03-08': ['c11', 'c12'],
    });

    h.clock.set(at('2026-03-08', '22:00', SH));
    const stats = await drillStats(h.deps, EVE, PLACE);
    // 2 + 2 + 3 + 0 + 6 + 4 + 2 reviews, of which Again: c3 twice, c2, c12.
    expect(stats.reviews).toEqual({ total: 19, last30Days: 19, recalledLast30Days: 15 });
    expect(stats.recallRate).toBeCloseTo(15 / 19, 10);
    // Reviews on every day but Thursday: Fri–Sun is the current run, Mon–Wed as long.
    expect(stats.streak).toEqual({ current: 3, best: 3, lastDay: '2026-03-08' });
    // After Sunday's session nothing is due today (c12, Again today, is due Monday).
    expect(stats.dueToday).toBe(0);
    expect(stats.learned).toBe(12);
    expect(stats.timezone).toBe(SH);
    const cards = await h.drills.cards(EVE.player);
    const due = Object.fromEntries(cards.map((c) => [name(c.questionId), c.dueDay]));
    expect(due).toEqual({
      c1: '2026-03-22', // Good Mon, Good Fri (a day late): 16 days
      c2: '2026-03-10', // Good Mon, Again Fri, Good Sat
      c3: '2026-03-09', // Again Tue, Again Wed, Good Fri
      c4: '2026-03-11', // Easy Tue: 8 days
      c5: '2026-03-21', // Good Wed, Good Sat: 14 days
      c6: '2026-03-13', // Hard Wed, Good Fri
      c7: '2026-03-09', // Good Fri: 3 days
      c8: '2026-03-09',
      c9: '2026-03-10', // Good Sat: 3 days
      c10: '2026-03-10',
      c11: '2026-03-10', // Hard Sun: 2 days
      c12: '2026-03-09', // Again Sun: 1 day
    });
    // This week = 8–14 March: all but c1 and c5.
    expect(stats.dueThisWeek).toBe(10);
  });

  it('has no recall rate and no streak before the first review', async () => {
    const h = createDrillHarness();
    const stats = await drillStats(h.deps, EVE);
    expect(stats).toMatchObject({
      timezone: null,
      streak: { current: 0, best: 0, lastDay: null },
      reviews: { total: 0, last30Days: 0, recalledLast30Days: 0 },
      recallRate: null,
      dueToday: 0,
      dueThisWeek: 0,
      learned: 0,
    });
  });

  it('leaves reviews older than 30 local days out of the recall rate', async () => {
    const h = createDrillHarness({ start: at('2026-03-01', '12:00', SH) });
    await startDrill(h.deps, h.catalog, EVE, PLACE, { time: '08:00', timezone: SH, perDay: 1 });
    await drillDay(h, EVE, WS, '2026-03-02', () => 'again');
    await drillDay(h, EVE, WS, '2026-03-31', () => 'good');
    h.clock.set(at('2026-03-31', '23:59', SH));
    const inside = await drillStats(h.deps, EVE, PLACE);
    // 2 March (Again on the new card), 31 March (that card again, and a new one).
    expect(inside.reviews).toMatchObject({ total: 3, last30Days: 3, recalledLast30Days: 2 });
    h.clock.set(at('2026-04-01', '00:01', SH));
    const after = await drillStats(h.deps, EVE, PLACE);
    expect(after.reviews).toMatchObject({ total: 3, last30Days: 2, recalledLast30Days: 2 });
    expect(after.recallRate).toBe(1);
  });
});
