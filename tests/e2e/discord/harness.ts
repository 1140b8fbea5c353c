/**
 * One quizbot wired to a fake Discord: the fake on 127.0.0.1 with a server (an admin role,
 * members, channels with and without the bot's permissions), `/quiz` registered from the spec,
 * and a whole bot from `startBot` (real Redis under a private prefix, BullMQ, the real formula
 * renderer and card) whose Discord adapter logs in to the fake. The adapter is built from the
 * bot's services through `extraAdapters` so the test can slow formula rendering down at will.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { quizCommand } from '../../../commands/quiz.js';
import { loadConfig, type DiscordConfig } from '../../../src/config.js';
import type { FormulaRenderer } from '../../../src/core/ports.js';
import { createLogger } from '../../../src/logger.js';
import { type BotHandle, startBot } from '../../../src/main.js';
import { createDiscordAdapter } from '../../../src/platforms/discord/adapter.js';
import {
  registrationRest,
  syncCommands,
} from '../../../src/platforms/discord/registration/sync.js';
import { toDiscordCommand } from '../../../src/platforms/discord/registration/to-discord.js';
import type { AdapterServices } from '../../../src/runtime/adapter.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.js';
import { testRedis, type TestRedis } from '../../support/redis.js';

export const TOKEN = 'MTIwMDAwMDAwMDAwMDAwMDAwMQ.fake.quizbot-token';
export const APP = '1300000000000000001';
export const GUILD = '1300000000000000100';
export const GENERAL = '1300000000000000101';
export const NO_FILES = '1300000000000000102';
export const ANNOUNCE = '1300000000000000103';
export const ADMIN_ROLE = '1300000000000000110';
export const ALICE = '1300000000000000201';
export const BOB = '1300000000000000202';
export const CAROL = '1300000000000000203';
export const DAVE = '1300000000000000204';

/** A renderer whose answers can be held back, to make a reply miss its deferral time. */
export class SlowableRenderer implements FormulaRenderer {
  delayMs = 0;
  constructor(private readonly inner: FormulaRenderer) {}
  async render(...args: Parameters<FormulaRenderer['render']>) {
    if (this.delayMs > 0) await sleep(this.delayMs);
    return this.inner.render(...args);
  }
  close() {
    return this.inner.close();
  }
}

export interface DiscordWorld {
  fake: FakeDiscord;
  bot: BotHandle;
  /** What the bot handed its adapters (competitions and drills included). */
  services: AdapterServices;
  redis: TestRedis;
  formulas: SlowableRenderer;
  discord: DiscordConfig;
  cleanup(): Promise<void>;
}

export async function startDiscordWorld(): Promise<DiscordWorld> {
  const fake = await startFakeDiscord({
    token: TOKEN,
    applicationId: APP,
    heartbeatIntervalMs: 500,
    guilds: [
      {
        id: GUILD,
        name: 'ML Study',
        preferredLocale: 'en-US' as never,
        roles: [{ id: ADMIN_ROLE, name: 'Admins', permissions: ['ManageGuild'] }],
        channels: [
          { id: GENERAL, name: 'general' },
          {
            id: NO_FILES,
            name: 'no-files',
            overwrites: [{ id: APP, type: 'member', deny: ['AttachFiles', 'CreatePublicThreads'] }],
          },
          { id: ANNOUNCE, name: 'announcements' },
        ],
        members: [
          { user: { id: ALICE, username: 'alice', globalName: 'Alice' }, roles: [ADMIN_ROLE] },
          { user: { id: BOB, username: 'bob', globalName: 'Bob' } },
          { user: { id: CAROL, username: 'carol', globalName: 'Carol' } },
          { user: { id: DAVE, username: 'dave', globalName: 'Dave' } },
        ],
      },
    ],
  });
  const redis = await testRedis({ label: 'discord' });
  const dir = mkdtempSync(join(tmpdir(), 'quizbot-discord-'));
  const discord: DiscordConfig = {
    token: TOKEN,
    applicationId: APP,
    apiUrl: fake.apiUrl,
    shards: 'auto',
  };
  await syncCommands(registrationRest(TOKEN, fake.apiUrl), { applicationId: APP }, [
    toDiscordCommand(quizCommand),
  ]);
  const config = loadConfig({
    REDIS_URL: redis.url,
    QUIZBOT_PREFIX: redis.prefix.replace(/:+$/, ''),
    PORT: '0',
    LOG_LEVEL: 'silent',
  });
  const log = createLogger(config);
  let formulas: SlowableRenderer | undefined;
  let shared: AdapterServices | undefined;
  const bot = await startBot(config, {
    log,
    adapters: [],
    prerender: false,
    renderCacheDir: join(dir, 'cache'),
    extraAdapters: (services) => {
      shared = services;
      formulas = new SlowableRenderer(services.formulas);
      return [createDiscordAdapter({ ...services, formulas }, { config: discord, log })];
    },
  });
  return {
    fake,
    bot,
    services: shared!,
    redis,
    formulas: formulas!,
    discord,
    async cleanup() {
      await bot.stop('test done');
      await fake.close();
      await redis.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
