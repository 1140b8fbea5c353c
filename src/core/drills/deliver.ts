/**
 * The daily delivery: at the person's time, one DM with the cards that are due. Exactly once per
 * person and local day, across retries and processes: a claim with a lease guards the slot, the
 * DM carries an idempotency key, and the session is recorded after the DM went out.
 */
import type { Catalog } from '../catalog.js';
import { eligibleQuestions } from '../quiz/eligible.js';
import { PublishRefusedError } from '../quiz/ports.js';
import type { Actor, Place } from '../quiz/types.js';
import { dayKey } from '../time/zone.js';
import { cardFront } from './card-views.js';
import { emptyCard } from './fsrs.js';
import type { DrillDeps } from './ports.js';
import { selectCards } from './select.js';
import type { CardState, DrillSession } from './types.js';
import {
  type DrillNotice,
  type DrillOutcome,
  type DrillSessionView,
  drillFail,
  drillOk,
} from './views.js';

/** How long one process may hold a person's delivery claim while it sends the DM. */
export const DELIVERY_LEASE_MS = 60_000;

export type DeliverResult =
  | { status: 'delivered'; session: DrillSession }
  | {
      status: 'skipped';
      reason: 'no-subscription' | 'already-delivered' | 'busy' | 'nothing-due';
    }
  | { status: 'refused'; reason: string };

/** The idempotency key of a delivery's DM: one per person and slot (the local day when scheduled). */
export const deliveryKey = (player: string, slot: string): string => `drill:${player}|${slot}`;

/**
 * Sends a person's due cards for one slot. The slot is the local day of `scheduledAt` (a retried
 * or late job delivers for its own day and finds it done), or a unique id when `manual`. A person
 * who drills in several workspaces gets one scheduled session a day: the first one to fire.
 */
export async function deliverDue(
  deps: DrillDeps,
  catalog: Catalog,
  input: { player: string; workspace: string; scheduledAt?: Date; manual?: boolean },
): Promise<DeliverResult> {
  const sub = await deps.drills.getSubscription(input.workspace, input.player);
  if (!sub) return { status: 'skipped', reason: 'no-subscription' };
  const now = deps.clock.now();
  const day = dayKey(input.scheduledAt ?? now, sub.timezone);
  const slot = input.manual ? `${day}~${now.getTime().toString(36)}` : day;
  const claim = await deps.drills.claimDelivery(
    sub.player,
    slot,
    deps.instanceId,
    DELIVERY_LEASE_MS,
  );
  if (claim === 'posted') return { status: 'skipped', reason: 'already-delivered' };
  if (claim === 'busy') return { status: 'skipped', reason: 'busy' };

  const cards = await deps.drills.cards(sub.player);
  const selection = selectCards({
    player: sub.player,
    day,
    perDay: sub.perDay,
    cards,
    eligible: eligibleQuestions(catalog, sub.tags).map((q) => q.id),
    exists: (id) => catalog.get(id) !== undefined,
  });
  const first = selection.order[0];
  if (first === undefined) {
    await deps.drills.recordDelivery({ player: sub.player, slot, session: null, newCards: [] });
    return { status: 'skipped', reason: 'nothing-due' };
  }
  const newCards: CardState[] = selection.introduce.map((questionId) => ({
    player: sub.player,
    questionId,
    fsrs: emptyCard(now),
    dueDay: day,
    introducedOn: day,
  }));
  const session: DrillSession = {
    player: sub.player,
    workspace: sub.workspace,
    timezone: sub.timezone,
    slot,
    day,
    deliveredAt: now.toISOString(),
    cards: selection.order,
    pending: selection.order,
  };
  const firstIsNew =
    selection.introduce.includes(first) ||
    cards.some((c) => c.questionId === first && c.fsrs.state === 'New');
  const view: DrillSessionView = {
    kind: 'drill-session',
    day,
    reviews: selection.reviews,
    fresh: selection.fresh,
    card: cardFront(catalog.get(first)!, { index: 1, total: selection.order.length }, firstIsNew),
  };
  try {
    const channel = await deps.directMessages.channelFor(sub.player);
    await deps.publisher.post({ channel }, view, {
      idempotencyKey: deliveryKey(sub.player, slot),
    });
  } catch (error) {
    await deps.drills.releaseDelivery(sub.player, slot, deps.instanceId);
    if (error instanceof PublishRefusedError) {
      await deps.drills.recordDmRefusal(sub.workspace, sub.player, {
        reason: error.message,
        at: now.toISOString(),
      });
      return { status: 'refused', reason: error.message };
    }
    throw error;
  }
  await deps.drills.recordDelivery({ player: sub.player, slot, session, newCards });
  await deps.drills.clearDmRefusal(sub.workspace, sub.player);
  return { status: 'delivered', session };
}

/** `/quiz drill now`: a session at once, whatever was delivered today. */
export async function drillNow(
  deps: DrillDeps,
  catalog: Catalog,
  actor: Actor,
  place: Place,
): Promise<DrillOutcome<DrillNotice>> {
  const input = { player: actor.player, workspace: place.workspace, manual: true };
  const result = await deliverDue(deps, catalog, input);
  switch (result.status) {
    case 'delivered':
      return drillOk({ code: 'drill-delivered', cards: result.session.cards.length });
    case 'refused':
      // The person hears it in this reply, so the stored refusal needs no second telling.
      await deps.drills.takeDmRefusal(place.workspace, actor.player);
      return drillFail({ code: 'dm-closed', reason: result.reason });
    case 'skipped':
      if (result.reason === 'no-subscription') return drillFail({ code: 'no-drill' });
      if (result.reason === 'nothing-due') {
        return drillOk({
          code: 'drill-nothing-due',
          nextDueDay: await nextDueDay(deps, actor.player),
        });
      }
      // A manual slot is unique to its millisecond: only a double press lands here, and the
      // other press is delivering.
      return drillOk({
        code: 'drill-delivered',
        cards: (await deps.drills.session(actor.player))?.pending.length ?? 0,
      });
  }
}

/** The earliest due day among a person's cards. */
export async function nextDueDay(deps: DrillDeps, player: string): Promise<string | null> {
  const days = (await deps.drills.cards(player)).map((c) => c.dueDay).sort();
  return days[0] ?? null;
}
