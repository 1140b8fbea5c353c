/**
 * The Redis DrillStore against real Redis: the contract the fake passes (a fresh prefix per
 * test), plus what only Redis has: where its keys go and how it reports corrupt data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreDataError } from '../../src/store/redis/codec.js';
import { RedisDrillStore } from '../../src/store/redis/drill-store.js';
import { redisKeys } from '../../src/store/redis/keys.js';
import { aCard, aDrill, runDrillStoreContract } from '../contract/drill-store.contract.js';
import { type TestRedis, testRedis } from '../support/redis.js';

let redis: TestRedis;
let made = 0;
beforeAll(async () => {
  redis = await testRedis({ label: 'drills' });
});
afterAll(async () => {
  await redis.cleanup();
});

function fresh() {
  const prefix = `${redis.prefix}t${++made}`;
  return { prefix, store: new RedisDrillStore({ redis: redis.client, prefix }) };
}

runDrillStoreContract('redis', async () => fresh().store);

describe('Redis drill store beyond the contract', () => {
  it('writes only under its prefix, ids encoded', async () => {
    const { prefix, store } = fresh();
    const player = 'slack:user:T1:{U1}';
    await store.putSubscription(aDrill({ player }));
    await store.claimDelivery(player, '2025-03-03', 'a', 60_000);
    await store.recordDelivery({
      player,
      slot: '2025-03-03',
      session: {
        player,
        workspace: 'slack:team:T1',
        timezone: 'UTC',
        slot: '2025-03-03',
        day: '2025-03-03',
        deliveredAt: '2025-03-03T21:00:00.000Z',
        cards: ['Q1'],
        pending: ['Q1'],
      },
      newCards: [aCard('Q1', { player })],
    });
    await store.recordDmRefusal('slack:team:T1', player, { reason: 'x', at: 'y' });
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    expect(keys.length).toBeGreaterThanOrEqual(7);
    expect(keys.every((k) => k.startsWith(`${prefix}:drill:`))).toBe(true);
    expect(keys.some((k) => k.includes('{') || k.includes('U1}'))).toBe(false);
    const delivered = redisKeys(prefix).drillDelivered(player, '2025-03-03');
    // The delivered marker expires (after every retry of its job is long over).
    expect(await redis.client.ttl(delivered)).toBeGreaterThan(86_400);
  });

  it('names the key of a corrupt record', async () => {
    const { prefix, store } = fresh();
    const keys = redisKeys(prefix);
    await redis.client.set(keys.drillSub('w', 'p'), '{"workspace":1}');
    await expect(store.getSubscription('w', 'p')).rejects.toThrow(StoreDataError);
    await redis.client.hset(keys.drillCards('p'), 'Q1', 'not json');
    await expect(store.cards('p')).rejects.toThrow(keys.drillCards('p'));
    await redis.client.sadd(keys.drillPending('p'), 'Q1');
    const card = aCard('Q1', { player: 'p' });
    await expect(
      store.recordReview({
        next: card,
        expectedReps: 0,
        log: {
          player: 'p',
          questionId: 'Q1',
          rating: 'good',
          phase: 'New',
          at: '2025-03-03T00:00:00Z',
          day: '2025-03-03',
          scheduledDays: 3,
        },
      }),
    ).rejects.toThrow(StoreDataError);
  });
});
