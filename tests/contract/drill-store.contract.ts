/** The DrillStore contract, run against every implementation. Keys look like real adapter keys. */
import { describe, expect, it } from 'vitest';
import type { DrillStore } from '../../src/core/drills/ports.js';
import type {
  CardState,
  DrillSession,
  DrillSubscription,
  ReviewLog,
} from '../../src/core/drills/types.js';
import { sleep } from './stores.js';

export type MakeDrillStore = () => Promise<DrillStore>;

const WS = 'slack:team:T1';
const OTHER_WS = 'discord:guild:123';
const ME = 'slack:user:T1:U1';
const YOU = 'discord:user:42';
const DAY = '2025-03-03';
const LONG = 60_000;

export function aDrill(overrides: Partial<DrillSubscription> = {}): DrillSubscription {
  return {
    workspace: WS,
    player: ME,
    name: '小明',
    channel: 'slack:channel:T1:C1',
    time: '21:00',
    timezone: 'America/New_York',
    tags: ['DL'],
    perDay: 5,
    createdAt: '2025-03-01T01:00:00.000Z',
    ...overrides,
  };
}

export function aCard(questionId: string, overrides: Partial<CardState> = {}): CardState {
  return {
    player: ME,
    questionId,
    fsrs: {
      due: '2025-03-03T02:00:00.000Z',
      stability: 0,
      difficulty: 0,
      elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
      reps: 0,
      lapses: 0,
      state: 'New',
      last_review: null,
    },
    dueDay: DAY,
    introducedOn: DAY,
    ...overrides,
  };
}

function aSession(cards: string[], overrides: Partial<DrillSession> = {}): DrillSession {
  return {
    player: ME,
    workspace: WS,
    timezone: 'America/New_York',
    slot: DAY,
    day: DAY,
    deliveredAt: '2025-03-04T02:00:00.000Z',
    cards,
    pending: cards,
    ...overrides,
  };
}

/** A card after one review, as a use case would write it. */
function reviewed(card: CardState, at: string, rating: ReviewLog['rating'] = 'good') {
  const next: CardState = {
    ...card,
    fsrs: { ...card.fsrs, reps: card.fsrs.reps + 1, state: 'Review', last_review: at },
    dueDay: '2025-03-06',
  };
  const log: ReviewLog = {
    player: card.player,
    questionId: card.questionId,
    rating,
    phase: card.fsrs.state,
    at,
    day: at.slice(0, 10),
    scheduledDays: 3,
  };
  return { next, expectedReps: card.fsrs.reps, log };
}

/** A delivery of new cards Q1… to ME, with its session. */
async function deliver(store: DrillStore, ids: string[], slot = DAY): Promise<void> {
  await store.recordDelivery({
    player: ME,
    slot,
    session: aSession(ids, { slot }),
    newCards: ids.map((id) => aCard(id)),
  });
}

export function runDrillStoreContract(name: string, make: MakeDrillStore): void {
  describe(`DrillStore contract: ${name}`, () => {
    describe('subscriptions', () => {
      it('are empty at first', async () => {
        const store = await make();
        expect(await store.getSubscription(WS, ME)).toBeNull();
        expect(await store.listSubscriptions()).toEqual([]);
        expect(await store.subscriptionsOf(ME)).toEqual([]);
      });

      it('store one per person and workspace, whole, replaced on put', async () => {
        const store = await make();
        await store.putSubscription(aDrill());
        await store.putSubscription(aDrill({ time: '07:30', tags: [] }));
        await store.putSubscription(aDrill({ workspace: OTHER_WS, timezone: 'Asia/Kolkata' }));
        expect(await store.getSubscription(WS, ME)).toEqual(aDrill({ time: '07:30', tags: [] }));
        expect(await store.getSubscription(WS, YOU)).toBeNull();
        expect((await store.subscriptionsOf(ME)).map((s) => s.workspace)).toEqual([OTHER_WS, WS]);
      });

      it('list everyone ordered by workspace then player', async () => {
        const store = await make();
        const subs = [
          aDrill({ player: YOU }),
          aDrill({ workspace: OTHER_WS, player: YOU }),
          aDrill(),
        ];
        for (const sub of subs) await store.putSubscription(sub);
        expect(await store.listSubscriptions()).toEqual([subs[1], subs[0], subs[2]]);
      });

      it('are removed once', async () => {
        const store = await make();
        await store.putSubscription(aDrill());
        expect(await store.removeSubscription(WS, ME)).toBe(true);
        expect(await store.removeSubscription(WS, ME)).toBe(false);
        expect(await store.getSubscription(WS, ME)).toBeNull();
        expect(await store.listSubscriptions()).toEqual([]);
        expect(await store.subscriptionsOf(ME)).toEqual([]);
      });

      it('hand out copies', async () => {
        const store = await make();
        await store.putSubscription(aDrill());
        (await store.getSubscription(WS, ME))!.tags.push('changed');
        expect((await store.getSubscription(WS, ME))!.tags).toEqual(['DL']);
      });
    });

    describe('delivery claims', () => {
      it('let one owner claim a slot; everyone else, the owner too, is busy meanwhile', async () => {
        const store = await make();
        expect(await store.claimDelivery(ME, DAY, 'proc-a', LONG)).toBe('claimed');
        expect(await store.claimDelivery(ME, DAY, 'proc-b', LONG)).toBe('busy');
        expect(await store.claimDelivery(ME, DAY, 'proc-a', LONG)).toBe('busy');
        expect(await store.claimDelivery(ME, '2025-03-04', 'proc-b', LONG)).toBe('claimed');
        expect(await store.claimDelivery(YOU, DAY, 'proc-b', LONG)).toBe('claimed');
      });

      it('give exactly one claim to many racing owners', async () => {
        const store = await make();
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => store.claimDelivery(ME, DAY, `proc-${i}`, LONG)),
        );
        expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
      });

      it('are released only by their owner, and expire with their lease', async () => {
        const store = await make();
        await store.claimDelivery(ME, DAY, 'proc-a', LONG);
        await store.releaseDelivery(ME, DAY, 'proc-b');
        expect(await store.claimDelivery(ME, DAY, 'proc-b', LONG)).toBe('busy');
        await store.releaseDelivery(ME, DAY, 'proc-a');
        expect(await store.claimDelivery(ME, DAY, 'proc-b', 50)).toBe('claimed');
        await sleep(120);
        expect(await store.claimDelivery(ME, DAY, 'proc-c', LONG)).toBe('claimed');
      });

      it('answer posted once the slot is recorded, also when nothing was due', async () => {
        const store = await make();
        await store.claimDelivery(ME, DAY, 'proc-a', LONG);
        await deliver(store, ['Q1']);
        expect(await store.claimDelivery(ME, DAY, 'proc-b', LONG)).toBe('posted');
        await store.recordDelivery({ player: ME, slot: '2025-03-04', session: null, newCards: [] });
        expect(await store.claimDelivery(ME, '2025-03-04', 'proc-b', LONG)).toBe('posted');
      });

      it('reject a lease that is not a positive integer', async () => {
        const store = await make();
        await expect(store.claimDelivery(ME, DAY, 'a', 0)).rejects.toThrow(RangeError);
        await expect(store.claimDelivery(ME, DAY, 'a', 2.5)).rejects.toThrow(RangeError);
      });
    });

    describe('deliveries', () => {
      it('store the session, its pending cards in order, and the new cards', async () => {
        const store = await make();
        await deliver(store, ['Q9', 'Q1', 'Q5']);
        expect(await store.session(ME)).toEqual(aSession(['Q9', 'Q1', 'Q5']));
        expect((await store.cards(ME)).map((c) => c.questionId)).toEqual(['Q1', 'Q5', 'Q9']);
        expect(await store.card(ME, 'Q5')).toEqual(aCard('Q5'));
        expect(await store.card(ME, 'Q2')).toBeNull();
        expect(await store.cards(YOU)).toEqual([]);
        expect(await store.session(YOU)).toBeNull();
      });

      it('keep the first record of a slot', async () => {
        const store = await make();
        await deliver(store, ['Q1']);
        await deliver(store, ['Q2']);
        expect((await store.session(ME))!.cards).toEqual(['Q1']);
        expect(await store.card(ME, 'Q2')).toBeNull();
      });

      it('replace the session on a new slot, and never overwrite a card the person has', async () => {
        const store = await make();
        await deliver(store, ['Q1', 'Q2']);
        await store.recordReview(reviewed(aCard('Q1'), '2025-03-04T02:10:00.000Z'));
        await deliver(store, ['Q1', 'Q3'], '2025-03-04');
        expect(await store.session(ME)).toEqual(aSession(['Q1', 'Q3'], { slot: '2025-03-04' }));
        expect((await store.card(ME, 'Q1'))!.fsrs.reps).toBe(1);
        expect((await store.cards(ME)).map((c) => c.questionId)).toEqual(['Q1', 'Q2', 'Q3']);
      });

      it('leave the session alone when nothing was due', async () => {
        const store = await make();
        await deliver(store, ['Q1']);
        await store.recordDelivery({ player: ME, slot: '2025-03-04', session: null, newCards: [] });
        expect((await store.session(ME))!.cards).toEqual(['Q1']);
      });
    });

    describe('reviews', () => {
      it('count a pending card once: update it, drop it from pending, log it', async () => {
        const store = await make();
        await deliver(store, ['Q1', 'Q2']);
        const review = reviewed(aCard('Q1'), '2025-03-04T02:10:00.000Z');
        expect(await store.recordReview(review)).toBe('recorded');
        expect(await store.recordReview(review)).toBe('not-pending');
        expect(await store.card(ME, 'Q1')).toEqual(review.next);
        expect((await store.session(ME))!.pending).toEqual(['Q2']);
        expect(await store.reviews(ME, new Date(0))).toEqual([review.log]);
        expect(await store.reviewTotals(ME)).toEqual({ total: 1, days: { '2025-03-04': 1 } });
      });

      it('refuse a card outside the session, and a stale read, changing nothing', async () => {
        const store = await make();
        expect(await store.recordReview(reviewed(aCard('Q1'), '2025-03-04T02:10:00.000Z'))).toBe(
          'not-pending',
        );
        await deliver(store, ['Q1']);
        const stale = reviewed(aCard('Q1', { fsrs: { ...aCard('Q1').fsrs, reps: 3 } }), DAY);
        expect(await store.recordReview(stale)).toBe('stale');
        expect(await store.card(ME, 'Q1')).toEqual(aCard('Q1'));
        expect((await store.session(ME))!.pending).toEqual(['Q1']);
        expect(await store.reviewTotals(ME)).toEqual({ total: 0, days: {} });
      });

      it('record exactly one of many racing ratings of a card', async () => {
        const store = await make();
        await deliver(store, ['Q1']);
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            store.recordReview(reviewed(aCard('Q1'), `2025-03-04T02:10:0${i}.000Z`)),
          ),
        );
        expect(results.filter((r) => r === 'recorded')).toHaveLength(1);
        expect((await store.reviewTotals(ME)).total).toBe(1);
      });

      it('list reviews since an instant, oldest first, and count them per day', async () => {
        const store = await make();
        await deliver(store, ['Q1', 'Q2', 'Q3']);
        await store.recordReview(reviewed(aCard('Q3'), '2025-03-05T03:00:00.000Z', 'again'));
        await store.recordReview(reviewed(aCard('Q1'), '2025-03-04T02:00:00.000Z'));
        await store.recordReview(reviewed(aCard('Q2'), '2025-03-04T02:05:00.000Z', 'easy'));
        const since = await store.reviews(ME, new Date('2025-03-04T02:05:00.000Z'));
        expect(since.map((l) => [l.questionId, l.rating])).toEqual([
          ['Q2', 'easy'],
          ['Q3', 'again'],
        ]);
        expect(await store.reviewTotals(ME)).toEqual({
          total: 3,
          days: { '2025-03-04': 2, '2025-03-05': 1 },
        });
        expect(await store.reviewTotals(YOU)).toEqual({ total: 0, days: {} });
      });
    });

    describe('refused DMs', () => {
      it('are told once per refusal, per workspace', async () => {
        const store = await make();
        expect(await store.takeDmRefusal(WS, ME)).toBeNull();
        const refusal = { reason: 'Cannot send messages to this user', at: '2025-03-04T02:00:00Z' };
        await store.recordDmRefusal(WS, ME, refusal);
        expect(await store.takeDmRefusal(OTHER_WS, ME)).toBeNull();
        expect(await store.takeDmRefusal(WS, ME)).toEqual(refusal);
        expect(await store.takeDmRefusal(WS, ME)).toBeNull();
        // The next day's refusal is the same episode: not told again.
        await store.recordDmRefusal(WS, ME, { ...refusal, at: '2025-03-05T02:00:00Z' });
        expect(await store.takeDmRefusal(WS, ME)).toBeNull();
        // A delivery that gets through ends it; a later refusal is news again.
        await store.clearDmRefusal(WS, ME);
        await store.recordDmRefusal(WS, ME, refusal);
        expect(await store.takeDmRefusal(WS, ME)).toEqual(refusal);
      });
    });
  });
}
