/**
 * In-memory DrillStore for unit tests of core; passes the same contract as Redis. Leases expire by
 * the given clock. Copies go in and out, as with Redis, so callers cannot change stored state.
 */
import type {
  ClaimResult,
  DeliveryRecord,
  DrillStore,
  ReviewWrite,
} from '../../../src/core/drills/ports.js';
import type {
  CardState,
  DmRefusal,
  DrillSession,
  DrillSubscription,
  ReviewLog,
} from '../../../src/core/drills/types.js';
import { type Clock, systemClock } from '../../../src/core/time/clock.js';

interface PlayerState {
  cards: Map<string, CardState>;
  session: Omit<DrillSession, 'pending'> | null;
  pending: Set<string>;
  reviews: ReviewLog[];
  days: Map<string, number>;
  delivered: Set<string>;
  leases: Map<string, { owner: string; until: number }>;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function createFakeDrillStore(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? systemClock;
  const subs = new Map<string, DrillSubscription>();
  const refusals = new Map<string, DmRefusal & { told: boolean }>();
  const players = new Map<string, PlayerState>();
  const subKey = (workspace: string, player: string) => JSON.stringify([workspace, player]);
  const stateOf = (player: string): PlayerState => {
    let state = players.get(player);
    if (!state) {
      state = {
        cards: new Map(),
        session: null,
        pending: new Set(),
        reviews: [],
        days: new Map(),
        delivered: new Set(),
        leases: new Map(),
      };
      players.set(player, state);
    }
    return state;
  };
  const liveLease = (state: PlayerState, slot: string) => {
    const lease = state.leases.get(slot);
    return lease && lease.until > clock.now().getTime() ? lease : undefined;
  };
  const sortedSubs = (list: DrillSubscription[]) =>
    list
      .map((s) => structuredClone(s))
      .sort((a, b) => cmp(a.workspace, b.workspace) || cmp(a.player, b.player));

  return {
    async getSubscription(workspace: string, player: string) {
      const sub = subs.get(subKey(workspace, player));
      return sub ? structuredClone(sub) : null;
    },
    async putSubscription(sub: DrillSubscription) {
      subs.set(subKey(sub.workspace, sub.player), structuredClone(sub));
    },
    async removeSubscription(workspace: string, player: string) {
      return subs.delete(subKey(workspace, player));
    },
    async listSubscriptions() {
      return sortedSubs([...subs.values()]);
    },
    async subscriptionsOf(player: string) {
      return sortedSubs([...subs.values()].filter((s) => s.player === player));
    },

    async cards(player: string) {
      return [...stateOf(player).cards.values()]
        .map((c) => structuredClone(c))
        .sort((a, b) => cmp(a.questionId, b.questionId));
    },
    async card(player: string, questionId: string) {
      const card = stateOf(player).cards.get(questionId);
      return card ? structuredClone(card) : null;
    },

    async claimDelivery(
      player: string,
      slot: string,
      owner: string,
      leaseMs: number,
    ): Promise<ClaimResult> {
      if (!Number.isSafeInteger(leaseMs) || leaseMs <= 0)
        throw new RangeError(`leaseMs must be a positive integer, got ${leaseMs}`);
      const state = stateOf(player);
      if (state.delivered.has(slot)) return 'posted';
      if (liveLease(state, slot)) return 'busy';
      state.leases.set(slot, { owner, until: clock.now().getTime() + leaseMs });
      return 'claimed';
    },
    async releaseDelivery(player: string, slot: string, owner: string) {
      const state = stateOf(player);
      if (liveLease(state, slot)?.owner === owner) state.leases.delete(slot);
    },
    async recordDelivery(record: DeliveryRecord) {
      const state = stateOf(record.player);
      state.leases.delete(record.slot);
      if (state.delivered.has(record.slot)) return; // the first record of a slot wins
      state.delivered.add(record.slot);
      for (const card of record.newCards) {
        if (!state.cards.has(card.questionId))
          state.cards.set(card.questionId, structuredClone(card));
      }
      if (record.session) {
        const { pending, ...session } = structuredClone(record.session);
        state.session = session;
        state.pending = new Set(pending);
      }
    },
    async session(player: string): Promise<DrillSession | null> {
      const state = stateOf(player);
      if (!state.session) return null;
      const session = structuredClone(state.session);
      return { ...session, pending: session.cards.filter((id) => state.pending.has(id)) };
    },

    async recordReview(input: {
      next: CardState;
      expectedReps: number;
      log: ReviewLog;
    }): Promise<ReviewWrite> {
      const state = stateOf(input.next.player);
      const id = input.next.questionId;
      if (!state.pending.has(id)) return 'not-pending';
      const current = state.cards.get(id);
      if (!current || current.fsrs.reps !== input.expectedReps) return 'stale';
      state.pending.delete(id);
      state.cards.set(id, structuredClone(input.next));
      state.reviews.push(structuredClone(input.log));
      state.days.set(input.log.day, (state.days.get(input.log.day) ?? 0) + 1);
      return 'recorded';
    },
    async reviews(player: string, since: Date) {
      return stateOf(player)
        .reviews.filter((log) => Date.parse(log.at) >= since.getTime())
        .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || cmp(a.questionId, b.questionId))
        .map((log) => structuredClone(log));
    },
    async reviewTotals(player: string) {
      const state = stateOf(player);
      return { total: state.reviews.length, days: Object.fromEntries(state.days) };
    },

    async recordDmRefusal(workspace: string, player: string, refusal: DmRefusal) {
      const key = subKey(workspace, player);
      const told = refusals.get(key)?.told ?? false;
      refusals.set(key, { ...refusal, told });
    },
    async clearDmRefusal(workspace: string, player: string) {
      refusals.delete(subKey(workspace, player));
    },
    async takeDmRefusal(workspace: string, player: string) {
      const refusal = refusals.get(subKey(workspace, player));
      if (!refusal || refusal.told) return null;
      refusal.told = true;
      return { reason: refusal.reason, at: refusal.at };
    },
  } satisfies DrillStore;
}
