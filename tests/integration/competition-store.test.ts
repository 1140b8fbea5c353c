/**
 * The Redis competition store against real Redis: the contract the fake passes (a fresh prefix per
 * test), plus what only Redis has: where keys go, corrupt data, retention of ended competitions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreDataError } from '../../src/store/redis/codec.js';
import {
  ENDED_RETENTION_MS,
  RedisCompetitionStore,
} from '../../src/store/redis/competition-store.js';
import { redisKeys } from '../../src/store/redis/keys.js';
import {
  aPlan,
  anAnswer,
  runCompetitionStoreContract,
} from '../contract/competition-store.contract.js';
import { CHANNEL } from '../contract/stores.js';
import { type TestRedis, testRedis } from '../support/redis.js';

let redis: TestRedis;
let made = 0;
beforeAll(async () => {
  redis = await testRedis({ label: 'competitions' });
});
afterAll(async () => {
  await redis.cleanup();
});

function fresh() {
  const prefix = `${redis.prefix}t${++made}`;
  return { prefix, store: new RedisCompetitionStore({ redis: redis.client, prefix }) };
}

runCompetitionStoreContract('redis', async () => fresh().store);

describe('Redis competition store beyond the contract', () => {
  it('writes nothing outside its prefix', async () => {
    const { prefix, store } = fresh();
    await store.create(aPlan(), '2025-03-06T01:00:00.000Z');
    await store.claim('cmp:1', { step: 'open', round: 0 }, 'a', 60_000);
    await store.markOpened('cmp:1', 0, {
      openedAt: '2025-03-06T01:00:00.000Z',
      closesAt: '2025-03-06T01:00:30.000Z',
      message: { messageId: 'm' },
    });
    await store.submit('cmp:1', 0, anAnswer('p:1'), Date.parse('2025-03-06T01:00:01.000Z'));
    await store.claim('cmp:1', { step: 'standings' }, 'a', 60_000);
    const keys = await redis.client.keys(`${redis.prefix}*`);
    const mine = keys.filter((k) => k.startsWith(`${prefix}:`));
    expect(mine.length).toBeGreaterThanOrEqual(5);
    const k = redisKeys(prefix);
    expect(mine.sort()).toEqual(
      [
        k.runningCompetitions(),
        k.channelCompetition(CHANNEL),
        k.competition('cmp:1'),
        k.competitionAnswers('cmp:1', 0),
        k.competitionLease('cmp:1', 'standings'),
      ].sort(),
    );
  });

  it('keeps an ended competition for a while, then lets it expire', async () => {
    const { prefix, store } = fresh();
    await store.create(aPlan(), '2025-03-06T01:00:00.000Z');
    expect(await redis.client.pttl(redisKeys(prefix).competition('cmp:1'))).toBe(-1);
    await store.end('cmp:1', 'finished', '2025-03-06T01:05:00.000Z');
    const ttl = await redis.client.pttl(redisKeys(prefix).competition('cmp:1'));
    expect(ttl).toBeGreaterThan(ENDED_RETENTION_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(ENDED_RETENTION_MS);
  });

  it('names the key holding a corrupt record', async () => {
    const { prefix, store } = fresh();
    const key = redisKeys(prefix).competition('cmp:1');
    await redis.client.hset(
      key,
      'json',
      JSON.stringify({ ...aPlan(), items: [] }),
      'state',
      'running',
    );
    await expect(store.get('cmp:1')).rejects.toThrow(StoreDataError);
    await expect(store.get('cmp:1')).rejects.toThrow(key);
    await redis.client.hset(key, 'json', JSON.stringify(aPlan()), 'state', 'paused');
    await expect(store.get('cmp:1')).rejects.toThrow(/state/);
  });
});
