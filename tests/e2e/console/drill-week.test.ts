/**
 * A week of drills at the console: real Redis, real BullMQ, the shared command layer, bot time on
 * a manual clock moved a day at a time with `/clock +1d`. Each evening the drill job delivers the
 * due cards to the person's inbox; they reveal and rate every card with `/press`. What they are
 * shown must match what FSRS and the store say: Good intervals grow, Again resets them, each
 * session holds exactly the cards due that day plus the new ones, and the stats add up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillRating } from '../../../src/core/drills/types.js';
import { ManualClock } from '../../../src/core/time/clock.js';
import { wallClock, zonedInstant } from '../../../src/core/time/zone.js';
import { drillWordingFor } from '../../../src/i18n/drill/index.js';
import { RedisDrillStore } from '../../../src/store/redis/drill-store.js';
import { plusDays } from '../../../src/core/drills/days.js';
import { type ConsoleBot, startConsoleBot } from '../../support/console-bot.js';

const ZONE = 'Asia/Shanghai';
// The BullMQ cron runs on real time: keep the drill's time hours away from the real time there,
// so a real firing cannot deliver a session in the middle of the test.
const TIME = [20, 21].includes(wallClock(new Date(), ZONE).hour) ? '09:00' : '21:00';
// Sunday 1 March 2026 at the drill's time: the first delivery is Monday's, a day later.
const FIRST_DAY = '2026-03-02';
const START = zonedInstant('2026-03-01', TIME, ZONE);
const PER_DAY = 3;
const DAYS = 7;
const PLAYER = 'console:user:you';
const words = drillWordingFor('en');

interface Review {
  day: string;
  rating: DrillRating;
  interval: number;
  dueDay: string;
}

let c: ConsoleBot;
let store: RedisDrillStore;
beforeAll(async () => {
  c = await startConsoleBot({ clockBase: new ManualClock(START) });
  store = new RedisDrillStore({ redis: c.redis.client, prefix: c.prefix });
});
afterAll(() => c?.cleanup());

/** Every review of every card, in order, as the person was told it. */
const history = new Map<string, Review[]>();
/** The cards of each day's session, in delivery order. */
const sessions: string[][] = [];

/**
 * The plan: the first card of the first session is always Good; its second card is Good, then
 * Again on its second review, then Good; its third card is Again at first, then Good. Every other
 * card is Good.
 */
function ratingFor(questionId: string): DrillRating {
  const [a, b, cc] = sessions[0] ?? [];
  const n = history.get(questionId)?.length ?? 0;
  if (questionId === a) return 'good';
  if (questionId === b) return n === 1 ? 'again' : 'good';
  if (questionId === cc) return n === 0 ? 'again' : 'good';
  return 'good';
}

const RATED = /(Again|Hard|Good|Easy) — (Q\d+) comes back in (\d+) days?, on (.+)\./;

describe('drills for a week at the console', () => {
  it('starts a drill: the first DM comes the next evening; nothing to press yet', async () => {
    const started = await c.send(
      `/quiz drill start time:${TIME} timezone:${ZONE} per-day:${PER_DAY}`,
    );
    expect(started).toContain(
      `Drill on: every day at ${TIME} (${ZONE}), up to 3 new cards a day from all tags.`,
    );
    expect(started).toContain(`the first at Mon 2 Mar, ${TIME}.`);
    expect(await c.send('/inbox')).toContain('Your inbox is empty.');
    expect(await c.send('/press good')).toContain('No drill card is waiting in your inbox');
    expect(await c.send('/quiz drill stats')).toContain('no reviews yet');
  });

  it('delivers and reviews every evening for a week, with the right due days', async () => {
    for (let d = 0; d < DAYS; d++) {
      const today = plusDays(FIRST_DAY, d);
      const moved = await c.send('/clock +1d');
      expect(moved).toContain('drill @you: delivered');
      expect(moved).toContain('📬 New direct message for you; type /inbox to read it.');

      const session = (await store.session(PLAYER))!;
      expect(session.day).toBe(today);
      sessions.push(session.cards);
      // The session holds exactly the reviews due by today, then the new cards.
      const due = [...history]
        .filter(([, reviews]) => reviews.at(-1)!.dueDay <= today)
        .map(([id]) => id);
      const fresh = session.cards.filter((id) => !history.has(id));
      expect(session.cards.slice(0, due.length).sort()).toEqual(due.sort());
      expect(fresh).toHaveLength(PER_DAY);
      expect(session.cards).toHaveLength(due.length + PER_DAY);

      const reviews = due.length === 0 ? '' : `${due.length} review${due.length > 1 ? 's' : ''}, `;
      const inbox = await c.send('/inbox');
      expect(inbox).toContain(`Drill · ${words.day(today)} — ${reviews}3 new`);
      expect(inbox).toContain(`Card 1 of ${session.cards.length}`);

      for (const [i, questionId] of session.cards.entries()) {
        const back = await c.send('/press drill reveal');
        expect(back).toContain(`Card ${i + 1} of ${session.cards.length} · answer`);
        expect(back).toContain(`${questionId} · `);
        expect(back).toMatch(
          /\[ Again · \d+d \] \[ Hard · \d+d \] \[ Good · \d+d \] \[ Easy · \d+d \]/,
        );
        const rating = ratingFor(questionId);
        const reply = await c.send(`/press ${rating}`);
        const m = RATED.exec(reply);
        expect(m, reply).not.toBeNull();
        const [, said, id, days, on] = m!;
        expect([said!.toLowerCase(), id]).toEqual([rating, questionId]);
        const card = (await store.card(PLAYER, questionId))!;
        // What the person is told is what is stored: the interval ends on the stored due day.
        expect(card.dueDay).toBe(plusDays(today, Number(days)));
        expect(on).toBe(words.day(card.dueDay));
        const reviews = history.get(questionId) ?? [];
        reviews.push({ day: today, rating, interval: Number(days), dueDay: card.dueDay });
        history.set(questionId, reviews);
        if (i + 1 < session.cards.length) {
          expect(reply).toContain(`Card ${i + 2} of ${session.cards.length}`);
        } else {
          expect(reply).toContain('Session done');
          expect(reply).toMatch(new RegExp(`Streak: ${d + 1} days?`));
        }
      }
      expect(await c.send('/press good')).toContain('No drill card is waiting in your inbox');
    }
  });

  it('Good intervals grow, Again resets them', () => {
    const [a, b, cc] = sessions[0]!;
    const intervals = (id: string) => history.get(id)!.map((r) => r.interval);
    const ratings = (id: string) => history.get(id)!.map((r) => r.rating);

    // Always Good: each interval longer than the one before.
    expect(ratings(a!)).toEqual(['good', 'good']);
    const [first, second] = intervals(a!) as [number, number];
    expect(second).toBeGreaterThan(first);

    // Good, then Again: back to a day or two, well under the Good interval before it.
    expect(ratings(b!).slice(0, 2)).toEqual(['good', 'again']);
    const [bGood, bAgain] = intervals(b!) as [number, number];
    expect(bAgain).toBeLessThan(bGood);
    expect(bAgain).toBeLessThanOrEqual(2);

    // Again on a new card: back the next day; Good after that grows again.
    expect(ratings(cc!).slice(0, 2)).toEqual(['again', 'good']);
    const [cAgain, cGood] = intervals(cc!) as [number, number];
    expect(cAgain).toBe(1);
    expect(cGood).toBeGreaterThan(cAgain);

    // Every first Good gives the same interval, and every card was reviewed on its due day.
    const firstGoods = [...history.values()].filter((r) => r[0]!.rating === 'good');
    expect(new Set(firstGoods.map((r) => r[0]!.interval)).size).toBe(1);
    for (const reviews of history.values()) {
      for (let i = 1; i < reviews.length; i++) expect(reviews[i]!.day).toBe(reviews[i - 1]!.dueDay);
    }
  });

  it('drill stats: a seven-day streak, the reviews and the recall rate', async () => {
    const all = [...history.values()].flat();
    const recalled = all.filter((r) => r.rating !== 'again').length;
    const today = plusDays(FIRST_DAY, DAYS - 1);
    const dueThisWeek = [...history.values()].filter(
      (r) => r.at(-1)!.dueDay <= plusDays(today, 6),
    ).length;
    const stats = await c.send('/quiz drill stats');
    expect(stats).toContain(`you's drill (${ZONE}): streak 7 days (best 7).`);
    expect(stats).toContain(
      `Reviews: ${all.length} in all, ${all.length} in the last 30 days · recall ${Math.round((100 * recalled) / all.length)}%.`,
    );
    expect(stats).toContain(
      `Due today 0 · this week ${dueThisWeek} · ${history.size} cards learned.`,
    );
    expect(history.size).toBe(PER_DAY * DAYS);
  });

  it('the inbox shows the sessions: card fronts, answers with rating buttons, summaries', async () => {
    const inbox = await c.send('/inbox');
    expect(inbox).toContain('Drill · Mon 2 Mar — 3 new');
    expect(inbox).toContain('Card 1 of 3 · new');
    expect(inbox).toContain('[ Show answer ]');
    expect(inbox).toContain('Card 1 of 3 · answer');
    expect(inbox).toContain('How well did you recall it?');
    expect(inbox.match(/Session done/g)).toHaveLength(DAYS);
  });

  it('nothing more is due tonight; drill stop keeps the cards', async () => {
    const next = [...history.values()].map((r) => r.at(-1)!.dueDay).sort()[0]!;
    expect(await c.send('/quiz drill now')).toContain(
      `Nothing is due right now; your next card is due ${words.day(next)}.`,
    );
    expect(await c.send('/quiz drill stop')).toContain('Your daily drill here is off.');
    expect(await c.send('/clock +1d')).not.toContain('drill @you');
    expect(await store.cards(PLAYER)).toHaveLength(PER_DAY * DAYS);
  });
});
