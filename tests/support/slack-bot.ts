/**
 * A whole bot (startBot: real Redis, BullMQ, renderer, the real Bolt app) with only its Slack
 * adapter, pointed at a fake Slack on 127.0.0.1, over HTTP (signed requests to the bot's own
 * `/slack/events`) or Socket Mode. Each bot gets its own Redis prefix and render cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/core/time/clock.js';
import { createLogger } from '../../src/logger.js';
import { type BotHandle, startBot } from '../../src/main.js';
import {
  type FakeChannelInput,
  type FakeSlack,
  type FakeUserInput,
  startFakeSlack,
} from '../e2e/fake-slack/index.js';
import { testRedis, type TestRedis } from './redis.js';

export const BOT_TOKEN = 'xoxb-1111-2222-fakebottoken';
export const APP_TOKEN = 'xapp-1-A0QUIZ0001-3333-fakeapptoken';
export const SIGNING_SECRET = 'fake-signing-secret-0123456789abcdef';

export interface SlackBot {
  fake: FakeSlack;
  bot: BotHandle;
  redis: TestRedis;
  /** `http://127.0.0.1:PORT/slack/events` (HTTP mode). */
  endpoint: string;
  cleanup(): Promise<void>;
}

export async function startSlackBot(options: {
  mode: 'http' | 'socket';
  users: FakeUserInput[];
  channels: FakeChannelInput[];
  clockBase?: Clock;
}): Promise<SlackBot> {
  const fake = await startFakeSlack({
    botToken: BOT_TOKEN,
    ...(options.mode === 'socket' ? { appToken: APP_TOKEN } : {}),
    users: options.users,
    channels: options.channels,
  });
  const redis = await testRedis({ label: 'slack' });
  const dir = mkdtempSync(join(tmpdir(), 'quizbot-slack-'));
  const config = loadConfig({
    REDIS_URL: redis.url,
    QUIZBOT_PREFIX: redis.prefix.replace(/:+$/, ''),
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    ...(options.mode === 'socket'
      ? { SLACK_APP_TOKEN: APP_TOKEN }
      : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
  });
  const bot = await startBot(config, {
    log: createLogger(config),
    adapters: ['slack'],
    clockBase: options.clockBase,
    prerender: false,
    renderCacheDir: join(dir, 'cache'),
  });
  return {
    fake,
    bot,
    redis,
    endpoint: `http://127.0.0.1:${bot.httpPort}/slack/events`,
    async cleanup() {
      await bot.stop('test done');
      if (options.mode === 'socket') await fake.socket.waitForNoConnections().catch(() => {});
      await fake.close();
      await redis.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
