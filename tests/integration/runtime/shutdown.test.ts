/**
 * Graceful shutdown. In process: a job running when stop() is called finishes and is recorded
 * before Redis is closed. As a real process: SIGTERM makes `quizbot start` exit 0 promptly.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, inject, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { setDaily } from '../../../src/core/quiz/daily.js';
import type { Publisher } from '../../../src/core/quiz/ports.js';
import { silentLogger } from '../../../src/jobs/observe.js';
import { createJobQueue } from '../../../src/jobs/queue.js';
import { createLogger } from '../../../src/logger.js';
import { startBot } from '../../../src/main.js';
import type { Adapter } from '../../../src/runtime/adapter.js';
import { testRedis, type TestRedis } from '../../support/redis.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const CHANNEL = 'discord:guild:1:channel:2';
let redis: TestRedis | undefined;
afterEach(() => redis?.cleanup());

/** A platform whose posts wait until the test lets them through. */
function slowPlatform() {
  let entered!: () => void;
  let release!: () => void;
  const posting = new Promise<void>((done) => (entered = done));
  const gate = new Promise<void>((done) => (release = done));
  const publisher: Publisher = {
    checkChannel: async () => ({ ok: true }),
    async post() {
      entered();
      await gate;
      return { messageId: 'd1', threadId: 'd1' };
    },
  };
  const adapter: Adapter = {
    name: 'discord',
    publisher,
    start: async () => {},
    stop: async () => {},
    close: async () => {},
    connected: () => true,
  };
  return { adapter, posting, release };
}

it('lets a running job finish before closing Redis', async () => {
  redis = await testRedis({ label: 'shutdown' });
  const prefix = redis.prefix.replace(/:+$/, '');
  const config = loadConfig({
    REDIS_URL: redis.url,
    QUIZBOT_PREFIX: prefix,
    PORT: '0',
    LOG_LEVEL: 'silent',
  });
  const platform = slowPlatform();
  const bot = await startBot(config, {
    log: createLogger(config),
    adapters: [],
    extraAdapters: () => [platform.adapter],
    prerender: false,
    renderCacheDir: join(ROOT, 'var', 'cache', 'formulas'),
  });
  const queue = createJobQueue({ redisUrl: redis.url, prefix, logger: silentLogger });
  try {
    const admin = { player: 'discord:user:1', name: 'admin', isAdmin: true };
    const place = { workspace: 'discord:guild:1', channel: CHANNEL };
    const set = await setDaily(bot.deps, bot.catalog, admin, place, {
      time: '03:00',
      timezone: 'UTC',
    });
    expect(set.ok).toBe(true);
    await queue.add('daily', { channel: CHANNEL }, { jobId: 'in-flight' });
    await platform.posting; // the worker is inside publisher.post now

    let stopped = false;
    const stopping = bot.stop('test').then(() => (stopped = true));
    await sleep(500);
    expect(stopped).toBe(false); // still waiting for the job
    platform.release();
    await stopping;

    const job = await queue.getJob('in-flight');
    expect(await job?.getState()).toBe('completed');
    expect(job?.returnvalue).toMatchObject({ status: 'posted' });
    const metrics = await bot.metrics.registry
      .getSingleMetric('quizbot_jobs_processed_total')
      ?.get();
    expect(metrics?.values).toContainEqual(
      expect.objectContaining({ labels: { job: 'daily', status: 'posted' }, value: 1 }),
    );
  } finally {
    platform.release();
    await bot.stop();
    await queue.close();
  }
});

it('SIGTERM stops `quizbot start` with exit code 0 within a few seconds', async () => {
  redis = await testRedis({ label: 'sigterm' });
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'quizbot.js'), 'start', '--console'], {
    cwd: ROOT,
    env: {
      ...process.env,
      REDIS_URL: inject('redisUrl'),
      QUIZBOT_PREFIX: redis.prefix.replace(/:+$/, ''),
      PORT: '0',
      LOG_LEVEL: 'info',
      NO_COLOR: '1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  try {
    await vi.waitFor(() => expect(stderr).toContain('quizbot started'), {
      timeout: 30_000,
      interval: 50,
    });
    // Leave it with some state and its stdin still open, as a person at a terminal would.
    child.stdin.write('/quiz daily set time:03:00 timezone:UTC\n/quiz daily now\n');
    await vi.waitFor(() => expect(stdout).toMatch(/Posted Q\S+ in this channel\./), {
      timeout: 20_000,
      interval: 50,
    });

    const sent = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(stderr).toMatch(/"reason":"SIGTERM".*"msg":"shutting down"/);
    expect(stderr).toContain('"msg":"job worker closed"');
    expect(stderr).toMatch(/"msg":"stopped"/);
  } finally {
    child.kill('SIGKILL');
  }
});
