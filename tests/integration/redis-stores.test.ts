/**
 * The Redis stores against real Redis: the same contract suites the fakes pass (a fresh prefix per
 * test), plus what only Redis has: where keys go, corrupt data, the archive list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATINGS } from '../../src/core/quiz/types.js';
import { StoreDataError } from '../../src/store/redis/codec.js';
import { redisKeys } from '../../src/store/redis/keys.js';
import { createRedisStores } from '../../src/store/redis/stores.js';
import { runDailyStoreContract } from '../contract/daily-store.contract.js';
import { rate } from '../contract/score-helpers.js';
import { runScoreStoreContract } from '../contract/score-store.contract.js';
import { CHANNEL, WS, aPost, aSub } from '../contract/stores.js';
import { runSubscriptionStoreContract } from '../contract/subscription-store.contract.js';
import { runWorkspaceStoreContract } from '../contract/workspace-store.contract.js';
import { type TestRedis, testRedis } from '../support/redis.js';

let redis: TestRedis;
let made = 0;
beforeAll(async () => {
  redis = await testRedis({ label: 'stores' });
});
afterAll(async () => {
  await redis.cleanup();
});

/** A new prefix under the file's one for every test, so tests never see each other's keys. */
function fresh() {
  const prefix = `${redis.prefix}t${++made}`;
  return { prefix, stores: createRedisStores({ redis: redis.client, prefix }) };
}
const make = async () => fresh().stores;

runSubscriptionStoreContract('redis', make);
runDailyStoreContract('redis', make);
runScoreStoreContract('redis', make);
runWorkspaceStoreContract('redis', make);

describe('Redis stores beyond the contract', () => {
  it('write nothing outside their prefix', async () => {
    // A logical database of its own, so a before/after scan sees only this test's writes.
    const own = await testRedis({ label: 'keyscan', redis: { db: 9 } });
    try {
      const before = new Set(await scanAll(own));
      const prefix = `${own.prefix}scan`;
      const { subscriptions, daily, scores, workspaces } = createRedisStores({
        redis: own.client,
        prefix,
      });
      const post = aPost(CHANNEL, '2025-03-03');
      await subscriptions.put(aSub());
      await workspaces.setTimezone(WS, 'Asia/Shanghai');
      await daily.claim(CHANNEL, post.slot, 'proc-a', 60_000);
      await daily.claim(CHANNEL, '2025-03-04', 'proc-a', 60_000);
      await daily.recordPost(post, 0);
      for (const rating of RATINGS) await rate(scores, { player: 'slack:user:T1:U1', rating });
      await scores.award({
        workspace: WS,
        player: 'p',
        name: 'P',
        points: 1,
        periods: { week: 'w', month: 'm' },
        idempotencyKey: 'k',
      });
      await scores.closePeriod(
        WS,
        'week',
        '2025-W10',
        await scores.top(WS, 'week', '2025-W10', 10),
      );
      await daily.markRevealed(post.key);
      await subscriptions.put(aSub({ channel: 'slack:channel:T1:C9' }));
      await subscriptions.remove('slack:channel:T1:C9');

      const written = (await scanAll(own)).filter((key) => !before.has(key));
      expect(written.length).toBeGreaterThan(10);
      expect(written.filter((key) => !key.startsWith(`${prefix}:`))).toEqual([]);
    } finally {
      await own.cleanup();
    }
  });

  it('name the key holding a corrupt record instead of failing deep inside a use case', async () => {
    const { prefix, stores } = fresh();
    const keys = redisKeys(prefix);
    await redis.client.set(keys.sub(CHANNEL), '{"workspace":');
    await expect(stores.subscriptions.get(CHANNEL)).rejects.toThrow(StoreDataError);
    await expect(stores.subscriptions.get(CHANNEL)).rejects.toThrow(keys.sub(CHANNEL));

    const post = aPost(CHANNEL, '2025-03-03');
    await redis.client.hset(
      keys.post(post.key),
      'json',
      JSON.stringify({ ...post, message: null }),
    );
    await expect(stores.daily.getPost(post.key)).rejects.toThrow(/message/);

    await redis.client.hset(keys.ratings(post.key), 'p', '{"rating":"great"}');
    await expect(stores.daily.ratings(post.key)).rejects.toMatchObject({
      code: 'STORE_DATA_INVALID',
    });
    await expect(rate(stores.scores, { player: 'p', rating: 'knew' })).rejects.toThrow(
      StoreDataError,
    );
  });

  it('can still replace or remove a corrupt subscription', async () => {
    const { prefix, stores } = fresh();
    await redis.client.set(redisKeys(prefix).sub(CHANNEL), 'not json');
    await stores.subscriptions.put(aSub());
    expect(await stores.subscriptions.get(CHANNEL)).toEqual(aSub());
    await redis.client.set(redisKeys(prefix).sub(CHANNEL), 'not json');
    expect(await stores.subscriptions.remove(CHANNEL)).toBe(true);
    expect(await stores.subscriptions.listAll()).toEqual([]);
  });

  it('archives each closed board once, in order', async () => {
    const { prefix, stores } = fresh();
    const entries = [{ rank: 1, player: 'p', name: '小明', points: 3 }];
    await stores.scores.closePeriod(WS, 'week', '2025-W10', entries);
    await stores.scores.closePeriod(WS, 'week', '2025-W10', []);
    await stores.scores.closePeriod(WS, 'week', '2025-W11', []);
    const archived = (await redis.client.lrange(redisKeys(prefix).archive(WS, 'week'), 0, -1)).map(
      (raw) => JSON.parse(raw) as unknown,
    );
    expect(archived).toEqual([
      { workspace: WS, period: 'week', periodKey: '2025-W10', entries },
      { workspace: WS, period: 'week', periodKey: '2025-W11', entries: [] },
    ]);
  });

  it('reject a prefix that could escape its namespace at construction', () => {
    expect(() => createRedisStores({ redis: redis.client, prefix: 'a b' })).toThrow(/prefix/);
  });
});

async function scanAll(r: TestRedis): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await r.client.scan(cursor, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}
