/**
 * A whole bot (startBot: real Redis, BullMQ, renderer) with its console adapter on in-memory
 * streams, driven line by line: `send()` types one line and resolves with everything printed
 * until its reply is out. Each bot gets its own Redis prefix, image folder and render cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import { vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/core/time/clock.js';
import { createLogger } from '../../src/logger.js';
import { type BotHandle, type StartOptions, startBot } from '../../src/main.js';
import { plainStyle } from '../../src/platforms/console/format.js';
import { testRedis, type TestRedis } from './redis.js';

export interface ConsoleBot {
  bot: BotHandle;
  redis: TestRedis;
  /** Redis key prefix of this bot (config's QUIZBOT_PREFIX). */
  prefix: string;
  imageDir: string;
  /** Types a line; resolves with the output from then until the line's reply. */
  send(line: string): Promise<string>;
  /** Everything printed so far. */
  transcript(): string;
  /** Stops the bot, deletes its keys and folders. */
  cleanup(): Promise<void>;
}

export async function startConsoleBot(
  options: { clockBase?: Clock; redisUrl?: string; start?: Partial<StartOptions> } = {},
): Promise<ConsoleBot> {
  const redis = await testRedis({ label: 'console' });
  const prefix = redis.prefix.replace(/:+$/, '');
  const dir = mkdtempSync(join(tmpdir(), 'quizbot-console-'));
  const imageDir = join(dir, 'images');
  const config = loadConfig({
    REDIS_URL: options.redisUrl ?? redis.url,
    QUIZBOT_PREFIX: prefix,
    PORT: '0',
    LOG_LEVEL: 'silent',
  });
  const input = new PassThrough();
  let printed = '';
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      printed += chunk.toString();
      done();
    },
  });
  const bot = await startBot(config, {
    log: createLogger(config),
    adapters: ['console'],
    console: { input, output, interactive: false, style: plainStyle, imageDir },
    clockBase: options.clockBase,
    prerender: false,
    renderCacheDir: join(dir, 'cache'),
    ...options.start,
  });
  const handled = async () => {
    const metric = await bot.metrics.registry.getSingleMetric('quizbot_commands_total')?.get();
    return (metric?.values ?? []).reduce((sum, v) => sum + v.value, 0);
  };
  return {
    bot,
    redis,
    prefix,
    imageDir,
    async send(line) {
      const before = await handled();
      const start = printed.length;
      input.write(`${line}\n`);
      await vi.waitFor(
        async () => {
          if ((await handled()) <= before) throw new Error(`no reply yet to ${line}`);
        },
        { timeout: 20_000, interval: 10 },
      );
      await tick(); // the reply is written just after the command is counted
      return printed.slice(start);
    },
    transcript: () => printed,
    async cleanup() {
      input.end();
      await bot.stop('test done');
      await redis.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
