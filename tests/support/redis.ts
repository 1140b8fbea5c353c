/**
 * Per-file Redis isolation: every caller gets its own client and a unique key prefix, and cleans
 * up only keys under that prefix, so test files can run in parallel against one server.
 */
import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import { inject } from 'vitest';

export interface TestRedis {
  readonly url: string;
  /** Unique per call, e.g. `qbtest:3f9a0c1d2e4b:`; put every key you create under it. */
  readonly prefix: string;
  readonly client: Redis;
  /** Deletes every key under `prefix` (and nothing else); returns how many went. */
  clear(): Promise<number>;
  /** `clear()`, then closes the client. Call it in `afterAll`. */
  cleanup(): Promise<void>;
}

/** The URL of the tests' Redis (from the global setup). */
export function testRedisUrl(): string {
  return inject('redisUrl');
}

/** A connected client plus a fresh key prefix; `label` makes leftover keys easy to trace. */
export async function testRedis(
  options: { label?: string; redis?: RedisOptions } = {},
): Promise<TestRedis> {
  const url = testRedisUrl();
  const label = options.label ? `${options.label.replace(/[^\w-]/g, '_')}:` : '';
  const prefix = `qbtest:${label}${randomBytes(6).toString('hex')}:`;
  const client = new Redis(url, { lazyConnect: true, ...options.redis });
  await client.connect();
  const clear = () => deleteKeysWithPrefix(client, prefix);
  return {
    url,
    prefix,
    client,
    clear,
    cleanup: async () => {
      await clear();
      await client.quit();
    },
  };
}

/** SCAN + UNLINK of `prefix*`, with glob characters in the prefix matched literally. */
export async function deleteKeysWithPrefix(client: Redis, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(/[*?[\]\\^]/g, '\\$&')}*`;
  // SCAN returns full key names, but UNLINK would add a client's keyPrefix again.
  const keyPrefix = client.options.keyPrefix ?? '';
  const unprefixed = (key: string) =>
    key.startsWith(keyPrefix) ? key.slice(keyPrefix.length) : key;
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) deleted += await client.unlink(...keys.map(unprefixed));
  } while (cursor !== '0');
  return deleted;
}
