/**
 * The discord.js client: the Guilds intent only (slash commands, buttons and modals need no
 * privileged intent, and GUILD_CREATE brings the channels, roles and the bot's own member that
 * permission checks use), REST pointed at DISCORD_API_URL when set, and sharding from
 * DISCORD_SHARDS. Login turns Discord's refusals into one clear line.
 */
import { once } from 'node:events';
import {
  Client,
  type ClientOptions,
  DiscordjsError,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
} from 'discord.js';
import type { DiscordConfig, DiscordShards } from '../../config.js';

export function createDiscordClient(config: DiscordConfig): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
    ...shardOptions(config.shards),
  });
}

function shardOptions(shards: DiscordShards): Pick<ClientOptions, 'shards' | 'shardCount'> {
  return shards === 'auto'
    ? { shards: 'auto' }
    : { shards: [...shards.ids], shardCount: shards.count };
}

/** Discord would not let the bot in; `message` is the one line to show, naming the fix. */
export class DiscordLoginError extends Error {
  readonly code = 'DISCORD_LOGIN';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DiscordLoginError';
  }
}

/** Logs in and waits until every shard is ready (guilds cached). */
export async function logIn(client: Client, config: DiscordConfig): Promise<void> {
  const ready = once(client, Events.ClientReady);
  try {
    await client.login(config.token);
  } catch (error) {
    throw loginError(error, config);
  }
  await ready;
}

function loginError(error: unknown, config: DiscordConfig): DiscordLoginError {
  const where = config.apiUrl ?? 'https://discord.com/api';
  if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) {
    return new DiscordLoginError(
      `DISCORD_TOKEN was rejected by Discord (401 Unauthorized at ${where}); reset the token in Developer Portal → Bot and set DISCORD_TOKEN again`,
      { cause: error },
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  if (/disallowed intents/i.test(reason)) {
    return new DiscordLoginError(`Discord refused the gateway intents: ${reason}`, {
      cause: error,
    });
  }
  return new DiscordLoginError(`could not log in to Discord at ${where}: ${reason}`, {
    cause: error,
  });
}
