/** The test-isolation helper itself: each caller's cleanup removes its own keys and nothing else. */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteKeysWithPrefix, testRedis, type TestRedis } from '../support/redis.js';

describe('testRedis', () => {
  const opened: TestRedis[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((r) => r.cleanup()));
  });
  const open = async (label?: string) => {
    const r = await testRedis({ label });
    opened.push(r);
    return r;
  };

  it('gives each caller a unique qbtest: prefix and a working client', async () => {
    const [a, b] = [await open(), await open('scoring')];
    expect(a.prefix).toMatch(/^qbtest:[0-9a-f]{12}:$/);
    expect(b.prefix).toMatch(/^qbtest:scoring:[0-9a-f]{12}:$/);
    expect(a.prefix).not.toBe(b.prefix);
    expect(await a.client.ping()).toBe('PONG');
  });

  it('cleans only its own keys, however many there are', async () => {
    const [mine, theirs] = [await open(), await open()];
    const outside = `qbother:${randomBytes(4).toString('hex')}`;
    const batch = mine.client.multi();
    for (let i = 0; i < 1200; i++) batch.set(`${mine.prefix}k${i}`, i);
    batch.hset(`${mine.prefix}h`, 'f', 'v').zadd(`${mine.prefix}z`, 1, 'm');
    await batch.exec();
    await theirs.client.set(`${theirs.prefix}k`, 'keep');
    await mine.client.set(outside, 'keep');

    expect(await mine.clear()).toBe(1202);
    expect(await mine.client.keys(`${mine.prefix}*`)).toEqual([]);
    expect(await theirs.client.get(`${theirs.prefix}k`)).toBe('keep');
    expect(await mine.client.get(outside)).toBe('keep');
    await mine.client.unlink(outside);
  });

  it('matches the prefix literally, not as a glob', async () => {
    const r = await open();
    await r.client.mset(`${r.prefix}a*:x`, 1, `${r.prefix}ab:x`, 2);
    expect(await deleteKeysWithPrefix(r.client, `${r.prefix}a*:`)).toBe(1);
    expect(await r.client.get(`${r.prefix}ab:x`)).toBe('2');
  });

  it('closes its client on cleanup', async () => {
    const r = await testRedis();
    await r.client.set(`${r.prefix}k`, 1);
    await r.cleanup();
    await expect(r.client.ping()).rejects.toThrow(/closed/);
    const check = await testRedis();
    expect(await check.client.exists(`${r.prefix}k`)).toBe(0);
    await check.cleanup();
  });
});
