/**
 * /healthz answers for Redis as it is right now: 200 while it answers PING, 503 within the probe's
 * deadline once it is gone, 200 again when it is back. The bot runs against a Redis of its own
 * so stopping it disturbs no other test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { freePort, startRedisServer, type RedisServer } from '../../../src/infra/redis-server.js';
import { type ConsoleBot, startConsoleBot } from '../../support/console-bot.js';

let dir: string;
let port: number;
let redis: RedisServer;
let c: ConsoleBot;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quizbot-health-'));
  port = await freePort();
  redis = await startRedisServer({ port, dir, persist: false });
  c = await startConsoleBot({ redisUrl: redis.url });
});

afterAll(async () => {
  await c?.cleanup();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const health = async () => {
  const res = await fetch(`http://127.0.0.1:${c.bot.httpPort}/healthz`);
  return { status: res.status, body: (await res.json()) as { checks: { redis: { ok: boolean } } } };
};

it('is 200 with Redis up, 503 with it down, and 200 again once it is back', async () => {
  expect(await health()).toMatchObject({ status: 200, body: { ok: true } });

  await redis.stop();
  await vi.waitFor(async () => expect((await health()).status).toBe(503), {
    timeout: 10_000,
    interval: 100,
  });
  const down = await health();
  expect(down.body).toMatchObject({
    ok: false,
    checks: { redis: { ok: false }, jobs: { ok: true } },
  });

  redis = await startRedisServer({ port, dir, persist: false });
  await vi.waitFor(async () => expect((await health()).status).toBe(200), {
    timeout: 15_000,
    interval: 200,
  });
  // The console kept working through it.
  expect(await c.send('/quiz daily status')).toContain('No daily question in this channel.');
});
