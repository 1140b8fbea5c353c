/**
 * Deliveries and days in the person's zone: 21:00 in New York on both sides of the DST changes,
 * a +5:30 zone (Kolkata), a late retry that still delivers its own day, and streaks that count
 * local days across midnight even when the reviews share one UTC day.
 */
import { describe, expect, it } from 'vitest';
import { deliverDue, drillNow } from '../../../src/core/drills/deliver.js';
import { reviewCard } from '../../../src/core/drills/review.js';
import { drillStats } from '../../../src/core/drills/stats.js';
import { startDrill } from '../../../src/core/drills/subscribe.js';
import type { DrillSubscription } from '../../../src/core/drills/types.js';
import { wallClock } from '../../../src/core/time/zone.js';
import { drillFirings } from '../../../src/jobs/agenda.js';
import { drillDay } from '../../support/drill-days.js';
import type { Actor } from '../../../src/core/quiz/types.js';
import { PLACE, WS, at, createDrillHarness, person } from '../../support/drill-harness.js';

const NY = 'America/New_York';
const KOLKATA = 'Asia/Kolkata';

async function subscribed(who: Actor, timezone: string, start: Date) {
  const h = createDrillHarness({ start });
  const result = await startDrill(h.deps, h.catalog, who, PLACE, {
    time: '21:00',
    timezone,
    perDay: 10,
  });
  if (!result.ok) throw new Error(result.failure.code);
  const sub = (await h.drills.getSubscription(WS, who.player)) as DrillSubscription;
  return { h, sub };
}

describe('America/New_York across DST', () => {
  const cy = person('cy');

  it('fires at 21:00 local on both sides of the spring and autumn changes', async () => {
    const { sub } = await subscribed(cy, NY, new Date('2026-03-01T00:00:00Z'));
    const spring = drillFirings(
      sub,
      new Date('2026-03-06T12:00:00Z'),
      new Date('2026-03-10T12:00:00Z'),
    );
    expect(spring.map((i) => i.at.toISOString())).toEqual([
      '2026-03-07T02:00:00.000Z', // Fri 6 March, EST (UTC−5)
      '2026-03-08T02:00:00.000Z', // Sat 7 March, EST
      '2026-03-09T01:00:00.000Z', // Sun 8 March, EDT (UTC−4) from 02:00 that morning
      '2026-03-10T01:00:00.000Z',
    ]);
    const autumn = drillFirings(
      sub,
      new Date('2026-10-30T12:00:00Z'),
      new Date('2026-11-02T12:00:00Z'),
    );
    expect(autumn.map((i) => i.at.toISOString())).toEqual([
      '2026-10-31T01:00:00.000Z', // Fri 30 Oct, EDT
      '2026-11-01T01:00:00.000Z', // Sat 31 Oct, EDT
      '2026-11-02T02:00:00.000Z', // Sun 1 Nov, EST again
    ]);
    for (const item of [...spring, ...autumn]) {
      expect(wallClock(item.at, NY)).toMatchObject({ hour: 21, minute: 0 });
      expect(item.data).toEqual({ workspace: WS, player: cy.player });
    }
  });

  it('delivers each local day once on both days of the change, with its own local day', async () => {
    const { h } = await subscribed(cy, NY, new Date('2026-03-07T00:00:00Z'));
    const days = [];
    for (const day of ['2026-03-07', '2026-03-08']) {
      const run = await drillDay(h, cy, WS, day, () => 'good');
      expect(run.delivery.status).toBe('delivered');
      if (run.delivery.status === 'delivered') days.push(run.delivery.session.day);
      expect(wallClock(h.clock.now(), NY).hour).toBe(21);
    }
    expect(days).toEqual(['2026-03-07', '2026-03-08']);
    expect(h.dms.sent.map((dm) => dm.idempotencyKey)).toEqual([
      `drill:${cy.player}|2026-03-07`,
      `drill:${cy.player}|2026-03-08`,
    ]);
  });

  it('a retry after local midnight still delivers for its scheduled day, and the next day too', async () => {
    const { h } = await subscribed(cy, NY, new Date('2026-03-07T00:00:00Z'));
    const saturday = at('2026-03-07', '21:00', NY);
    h.dms.loseNextAck();
    await expect(
      deliverDue(h.deps, h.catalog, { player: cy.player, workspace: WS, scheduledAt: saturday }),
    ).rejects.toThrow('socket hang up');
    h.clock.set(at('2026-03-08', '00:30', NY)); // the retry runs after midnight
    const retry = await deliverDue(h.deps, h.catalog, {
      player: cy.player,
      workspace: WS,
      scheduledAt: saturday,
    });
    expect(retry.status === 'delivered' && retry.session.day).toBe('2026-03-07');
    h.clock.set(at('2026-03-08', '21:00', NY));
    const sunday = await deliverDue(h.deps, h.catalog, {
      player: cy.player,
      workspace: WS,
      scheduledAt: h.clock.now(),
    });
    expect(sunday.status).toBe('delivered');
    // The platform saw the lost-ack DM once (same key), and Sunday's.
    expect(h.dms.sent).toHaveLength(2);
  });
});

describe('Asia/Kolkata (UTC+5:30)', () => {
  const dev = person('dev');

  it('fires at 21:00 IST, which is 15:30 UTC', async () => {
    const { sub } = await subscribed(dev, KOLKATA, new Date('2026-03-01T00:00:00Z'));
    const firings = drillFirings(
      sub,
      new Date('2026-03-02T00:00:00Z'),
      new Date('2026-03-04T00:00:00Z'),
    );
    expect(firings.map((i) => i.at.toISOString())).toEqual([
      '2026-03-02T15:30:00.000Z',
      '2026-03-03T15:30:00.000Z',
    ]);
  });

  it('counts reviews at 23:50 and 00:10 IST as two days, though both fall on one UTC day', async () => {
    const { h } = await subscribed(dev, KOLKATA, new Date('2026-03-02T00:00:00Z'));
    const reviewAt = async (when: Date) => {
      h.clock.set(when);
      const now = await drillNow(h.deps, h.catalog, dev, PLACE);
      expect(now.ok).toBe(true);
      const session = (await h.drills.session(dev.player))!;
      const result = await reviewCard(h.deps, h.catalog, dev, {
        questionId: session.pending[0]!,
        rating: 'good',
      });
      if (!result.ok) throw new Error(result.failure.code);
      return result.value;
    };
    const late = await reviewAt(at('2026-03-02', '23:50', KOLKATA)); // 18:20 UTC, 2 March
    const early = await reviewAt(at('2026-03-03', '00:10', KOLKATA)); // 18:40 UTC, 2 March
    expect(late.dueDay).toBe('2026-03-05');
    expect(early.dueDay).toBe('2026-03-06');
    const stats = await drillStats(h.deps, dev, PLACE);
    expect(stats.streak).toEqual({ current: 2, best: 2, lastDay: '2026-03-03' });
    expect((await h.drills.reviewTotals(dev.player)).days).toEqual({
      '2026-03-02': 1,
      '2026-03-03': 1,
    });
    // The card reviewed at 23:50 IST is in the 21:00 IST delivery of 5 March.
    const run = await drillDay(h, dev, WS, '2026-03-05', () => null);
    expect(run.delivery.status === 'delivered' && run.delivery.session.cards).toContain(
      late.questionId,
    );
    expect(h.clock.now().toISOString()).toBe('2026-03-05T15:30:00.000Z');
  });
});
