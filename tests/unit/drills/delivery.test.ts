/**
 * Starting, stopping and delivering: validation like `daily set`, one DM per person and day
 * whatever retries and second workspaces do, and closed DMs recorded and told once.
 */
import { describe, expect, it } from 'vitest';
import { deliverDue, drillNow } from '../../../src/core/drills/deliver.js';
import { takeDrillWarning } from '../../../src/core/drills/stats.js';
import { startDrill, stopDrill } from '../../../src/core/drills/subscribe.js';
import { drillDay } from '../../support/drill-days.js';
import {
  PLACE,
  WS,
  at,
  createDrillHarness,
  dmChannel,
  person,
} from '../../support/drill-harness.js';

const ZONE = 'Europe/London';
const FAY = person('fay');
const input = { time: '9:05', timezone: ZONE };

async function started() {
  const h = createDrillHarness({ start: at('2026-04-01', '08:00', ZONE) });
  const result = await startDrill(h.deps, h.catalog, FAY, PLACE, { ...input, perDay: 3 });
  expect(result.ok).toBe(true);
  return h;
}

describe('drill start / stop', () => {
  it('stores and schedules the drill, and says when the first DM comes', async () => {
    const h = createDrillHarness({ start: at('2026-04-01', '08:00', ZONE) });
    const result = await startDrill(h.deps, h.catalog, FAY, PLACE, { ...input, tags: ['dl'] });
    const sub = {
      workspace: WS,
      player: FAY.player,
      name: 'fay',
      channel: PLACE.channel,
      time: '09:05',
      timezone: ZONE,
      tags: ['DL'],
      perDay: 10,
      createdAt: h.clock.now().toISOString(),
    };
    expect(result).toEqual({
      ok: true,
      value: {
        code: 'drill-started',
        sub,
        next: at('2026-04-01', '09:05', ZONE).toISOString(),
      },
    });
    expect(await h.drills.getSubscription(WS, FAY.player)).toEqual(sub);
    expect([...h.scheduled.values()]).toEqual([sub]);
  });

  it('refuses bad input with a failure naming it, storing nothing', async () => {
    const h = createDrillHarness();
    const start = (over: object) =>
      startDrill(h.deps, h.catalog, FAY, PLACE, { ...input, ...over });
    expect(await start({ time: '24:00' })).toEqual({
      ok: false,
      failure: { code: 'bad-time', value: '24:00' },
    });
    expect(await start({ timezone: 'Mars/Olympus' })).toMatchObject({
      failure: { code: 'bad-timezone' },
    });
    expect(await start({ tags: ['nope'] })).toMatchObject({
      failure: { code: 'unknown-tags', tags: ['nope'] },
    });
    for (const perDay of [0, 51, 2.5]) {
      expect(await start({ perDay })).toMatchObject({
        failure: { code: 'bad-per-day', value: perDay, min: 1, max: 50 },
      });
    }
    expect(await h.drills.listSubscriptions()).toEqual([]);
    expect(h.scheduled.size).toBe(0);
  });

  it('stops the drill but keeps the cards', async () => {
    const h = await started();
    await drillDay(h, FAY, WS, '2026-04-01', () => 'good');
    expect(await stopDrill(h.deps, FAY, PLACE)).toEqual({
      ok: true,
      value: { code: 'drill-stopped', existed: true },
    });
    expect(await stopDrill(h.deps, FAY, PLACE)).toMatchObject({ value: { existed: false } });
    expect(h.scheduled.size).toBe(0);
    expect(await h.drills.cards(FAY.player)).toHaveLength(3);
    expect(await deliverDue(h.deps, h.catalog, { player: FAY.player, workspace: WS })).toEqual({
      status: 'skipped',
      reason: 'no-subscription',
    });
    expect(await drillNow(h.deps, h.catalog, FAY, PLACE)).toEqual({
      ok: false,
      failure: { code: 'no-drill' },
    });
  });
});

describe('delivery', () => {
  it('sends one DM session view to the person: counts and the first card front', async () => {
    const h = await started();
    const run = await drillDay(h, FAY, WS, '2026-04-01', () => null);
    expect(run.delivery.status).toBe('delivered');
    expect(h.dms.sent).toHaveLength(1);
    const dm = h.dms.sent[0]!;
    expect(dm.channel).toBe(dmChannel(FAY.player));
    expect(dm.idempotencyKey).toBe(`drill:${FAY.player}|2026-04-01`);
    const first = run.delivery.status === 'delivered' ? run.delivery.session.cards[0]! : '';
    expect(dm.view).toMatchObject({
      kind: 'drill-session',
      day: '2026-04-01',
      reviews: 0,
      fresh: 3,
      card: {
        kind: 'drill-card',
        side: 'front',
        isNew: true,
        position: { index: 1, total: 3 },
        question: { id: first, keyPoints: expect.any(String) },
        buttons: [{ action: 'drill-reveal', questionId: first }],
      },
    });
  });

  it('does not DM twice for a retried or duplicated job of the same day', async () => {
    const h = await started();
    const scheduledAt = at('2026-04-01', '09:05', ZONE);
    h.clock.set(scheduledAt);
    const job = { player: FAY.player, workspace: WS, scheduledAt };
    expect((await deliverDue(h.deps, h.catalog, job)).status).toBe('delivered');
    h.clock.advance(3 * 60_000);
    expect(await deliverDue(h.deps, h.catalog, job)).toEqual({
      status: 'skipped',
      reason: 'already-delivered',
    });
    expect(h.dms.attempts).toHaveLength(1);
  });

  it('lets a second process see busy while the first is sending', async () => {
    const h = await started();
    const scheduledAt = at('2026-04-01', '09:05', ZONE);
    h.clock.set(scheduledAt);
    await h.drills.claimDelivery(FAY.player, '2026-04-01', 'other-process', 60_000);
    expect(
      await deliverDue(h.deps, h.catalog, { player: FAY.player, workspace: WS, scheduledAt }),
    ).toEqual({ status: 'skipped', reason: 'busy' });
    expect(h.dms.attempts).toHaveLength(0);
  });

  it('sends one scheduled session a day to a person drilling in two workspaces', async () => {
    const h = await started();
    const other = { workspace: 'console:ws:other', channel: 'console:ch:x' };
    await startDrill(h.deps, h.catalog, FAY, other, { time: '10:00', timezone: ZONE });
    await drillDay(h, FAY, WS, '2026-04-02', () => null);
    const second = await drillDay(h, FAY, other.workspace, '2026-04-02', () => null);
    expect(second.delivery).toEqual({ status: 'skipped', reason: 'already-delivered' });
    expect(h.dms.sent).toHaveLength(1);
  });

  it('sends nothing when nothing is due, and says when the next card is', async () => {
    const h = await started();
    await drillDay(h, FAY, WS, '2026-04-01', () => 'good');
    h.clock.set(at('2026-04-01', '20:00', ZONE));
    expect(await drillNow(h.deps, h.catalog, FAY, PLACE)).toEqual({
      ok: true,
      value: { code: 'drill-nothing-due', nextDueDay: '2026-04-04' },
    });
    expect(h.dms.attempts).toHaveLength(1);
  });

  it('drill now sends a session at once, also after the day’s delivery', async () => {
    const h = await started();
    await drillDay(h, FAY, WS, '2026-04-01', () => null);
    h.clock.set(at('2026-04-01', '18:00', ZONE));
    expect(await drillNow(h.deps, h.catalog, FAY, PLACE)).toEqual({
      ok: true,
      value: { code: 'drill-delivered', cards: 3 },
    });
    expect(h.dms.sent).toHaveLength(2);
    expect(h.dms.sent[1]!.idempotencyKey).toMatch(/^drill:console:user:fay\|2026-04-01~/);
  });
});

describe('closed DMs', () => {
  it('are recorded, told once in a channel, and end when a DM gets through', async () => {
    const h = await started();
    h.dms.close(FAY.player);
    const run = await drillDay(h, FAY, WS, '2026-04-01', () => null);
    expect(run.delivery).toEqual({
      status: 'refused',
      reason: 'Cannot send messages to this user',
    });
    // Nothing was recorded as delivered: no session, no cards, the slot may be retried.
    expect(await h.drills.session(FAY.player)).toBeNull();
    expect(await h.drills.cards(FAY.player)).toEqual([]);
    const warning = {
      code: 'drill-dm-refused',
      reason: 'Cannot send messages to this user',
      at: at('2026-04-01', '09:05', ZONE).toISOString(),
    };
    expect(await takeDrillWarning(h.deps, FAY, PLACE)).toEqual(warning);
    expect(await takeDrillWarning(h.deps, FAY, PLACE)).toBeNull();
    // Refused again the next day: the same episode, not told again.
    await drillDay(h, FAY, WS, '2026-04-02', () => null);
    expect(await takeDrillWarning(h.deps, FAY, PLACE)).toBeNull();
    // The person opens their DMs: the next delivery works and ends the refusal.
    h.dms.open(FAY.player);
    expect((await drillDay(h, FAY, WS, '2026-04-03', () => null)).delivery.status).toBe(
      'delivered',
    );
    h.dms.close(FAY.player);
    await drillDay(h, FAY, WS, '2026-04-04', () => null);
    expect(await takeDrillWarning(h.deps, FAY, PLACE)).toMatchObject({ code: 'drill-dm-refused' });
  });

  it('make drill now fail at once with the reason, already told', async () => {
    const h = await started();
    h.dms.close(FAY.player);
    expect(await drillNow(h.deps, h.catalog, FAY, PLACE)).toEqual({
      ok: false,
      failure: { code: 'dm-closed', reason: 'Cannot send messages to this user' },
    });
    expect(await takeDrillWarning(h.deps, FAY, PLACE)).toBeNull();
  });
});
