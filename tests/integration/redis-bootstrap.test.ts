/**
 * Every branch of ensureRedis against real redis-server processes on free ports (never 6379, which
 * may be a developer's own Redis).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  RedisBootstrapError,
  ensureRedis,
  type RedisHandle,
} from '../../src/infra/redis-bootstrap.js';
import { freePort, pingRedis } from '../../src/infra/redis-server.js';
import { createLogger } from '../../src/logger.js';
import { testRedisUrl } from '../support/redis.js';

const work = mkdtempSync(join(tmpdir(), 'quizbot-bootstrap-'));
const handles: RedisHandle[] = [];
afterEach(async () => {
  await Promise.all(handles.splice(0).map((h) => h.stop()));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function capture() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger(
    { logLevel: 'info' },
    { destination: { write: (line: string) => void lines.push(JSON.parse(line)) } },
  );
  return { log, lines };
}

const unset = (url: string) => ({ projectRoot: work, redis: { url, explicit: false } });
const configured = (url: string) => ({ projectRoot: work, redis: { url, explicit: true } });

async function rejection(promise: Promise<unknown>): Promise<RedisBootstrapError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RedisBootstrapError);
  const typed = error as RedisBootstrapError;
  expect(typed.message).not.toContain('\n');
  return typed;
}

describe('ensureRedis with REDIS_URL set', () => {
  it('uses it when it answers, and stop() leaves it alone', async () => {
    const { log, lines } = capture();
    const handle = await ensureRedis(configured(testRedisUrl()), log);
    expect(handle).toMatchObject({ url: testRedisUrl(), origin: 'configured' });
    await handle.stop();
    expect((await pingRedis(testRedisUrl(), 1000)).ok).toBe(true);
    expect(lines).toEqual([]);
  });

  it('fails with one line naming REDIS_URL when it does not answer, never starting one', async () => {
    const url = `redis://:hunter2@127.0.0.1:${await freePort()}`;
    const error = await rejection(ensureRedis(configured(url), capture().log));
    expect(error.code).toBe('REDIS_UNREACHABLE');
    expect(error.message).toMatch(/^REDIS_URL redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ does not answer/);
    expect(error.message).not.toContain('hunter2');
    expect((await pingRedis(url, 500)).ok).toBe(false);
  });
});

describe('ensureRedis with REDIS_URL unset', () => {
  it('uses a Redis that already answers at the default address', async () => {
    const { log, lines } = capture();
    const handle = await ensureRedis(unset(testRedisUrl()), log);
    expect(handle.origin).toBe('local');
    expect(lines).toEqual([]);
  });

  it('starts redis-server with AOF under var/redis, says so once, and stops it', async () => {
    const port = await freePort();
    const { log, lines } = capture();
    const handle = await ensureRedis(unset(`redis://127.0.0.1:${port}`), log);
    handles.push(handle);
    expect(handle).toMatchObject({ url: `redis://127.0.0.1:${port}`, origin: 'spawned' });

    const client = new Redis(handle.url);
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    expect(await client.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
    expect(await client.config('GET', 'dir')).toEqual(['dir', join(work, 'var', 'redis')]);
    await client.quit();
    expect(existsSync(join(work, 'var', 'redis', 'appendonlydir'))).toBe(true);

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, url: handle.url });
    expect(String(lines[0]!.msg)).toMatch(
      /REDIS_URL is unset .* started redis-server on .* var\/redis/,
    );

    await handle.stop();
    expect((await pingRedis(handle.url, 500)).ok).toBe(false);
  });

  it('moves to a free port when the default one is held by something that is not Redis', async () => {
    const squatter: Server = createServer((socket) => socket.destroy());
    await new Promise<void>((done) => squatter.listen(0, '127.0.0.1', done));
    const taken = (squatter.address() as { port: number }).port;
    try {
      const { log, lines } = capture();
      const handle = await ensureRedis(unset(`redis://127.0.0.1:${taken}`), log, {
        dataDir: join(work, 'moved'),
        pingTimeoutMs: 300,
      });
      handles.push(handle);
      expect(handle.origin).toBe('spawned');
      expect(handle.url).not.toBe(`redis://127.0.0.1:${taken}`);
      expect((await pingRedis(handle.url, 1000)).ok).toBe(true);
      expect(String(lines[0]!.msg)).toContain(`port ${taken} was taken`);
    } finally {
      squatter.close();
    }
  });

  it('lets two processes starting at once share one server', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const options = { dataDir: join(work, 'race') };
    const both = await Promise.all([
      ensureRedis(unset(url), capture().log, options),
      ensureRedis(unset(url), capture().log, options),
    ]);
    handles.push(...both);
    expect(both.map((h) => h.url)).toEqual([url, url]);
    expect(both.map((h) => h.origin).sort()).toEqual(['local', 'spawned']);
  });

  it('fails with one line on how to get Redis when redis-server is not on PATH', async () => {
    const emptyBin = mkdtempSync(join(work, 'bin-'));
    const url = `redis://127.0.0.1:${await freePort()}`;
    const error = await rejection(
      ensureRedis(unset(url), capture().log, { spawnEnv: { PATH: emptyBin } }),
    );
    expect(error.code).toBe('REDIS_NOT_FOUND');
    expect(error.message).toContain('redis-server is not on PATH');
    expect(error.message).toContain('docker compose up -d redis');
    expect(error.message).toContain('apt-get install redis-server');
  });

  it('does not outlive a parent that is killed hard', async () => {
    const port = await freePort();
    const script = `
      const { ensureRedis } = await import(${JSON.stringify(join(import.meta.dirname, '../../src/infra/redis-bootstrap.ts'))});
      const log = { info() {}, debug() {} };
      const handle = await ensureRedis(
        { projectRoot: ${JSON.stringify(work)}, redis: { url: 'redis://127.0.0.1:${port}', explicit: false } },
        log, { dataDir: ${JSON.stringify(join(work, 'orphan'))} });
      console.log(handle.url);
      setInterval(() => {}, 1000);
    `;
    const parent = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const url = await new Promise<string>((done) =>
      parent.stdout.once('data', (d) => done(String(d).trim())),
    );
    expect(url).toBe(`redis://127.0.0.1:${port}`);
    expect((await pingRedis(url, 1000)).ok).toBe(true);

    parent.kill('SIGKILL');
    const deadline = Date.now() + 5000;
    while ((await pingRedis(url, 200)).ok && Date.now() < deadline) await sleep(100);
    expect((await pingRedis(url, 500)).ok).toBe(false);
  });
});
