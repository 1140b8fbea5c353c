/**
 * The Discord adapter: one discord.js client, its interactions routed to the shared command layer,
 * and a Publisher for what jobs post. It takes events only between start() and stop(); the
 * publisher keeps working until close(), so jobs still running at shutdown can post.
 */
import { Events, type Interaction, Status } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import type { Adapter, AdapterServices } from '../../runtime/adapter.js';
import { createDiscordClient, logIn } from './client.js';
import { dmKey, parseUserKey } from './ids.js';
import { localeFrom } from '../../i18n/index.js';
import { LocaleMemory } from './locales.js';
import type { LogLike } from './interactions/env.js';
import { handleInteraction } from './interactions/router.js';
import { DiscordPublisher } from './publish/publisher.js';

export interface DiscordAdapterOptions {
  config: DiscordConfig;
  log: LogLike;
  /** When to defer a reply that is not ready; tests move it. */
  deferAfterMs?: number;
}

export interface DiscordAdapter extends Adapter {
  readonly publisher: DiscordPublisher;
}

export function createDiscordAdapter(
  services: AdapterServices,
  options: DiscordAdapterOptions,
): DiscordAdapter {
  const { log } = options;
  const client = createDiscordClient(options.config);
  const locales = new LocaleMemory();
  const publisher = new DiscordPublisher({
    client,
    services,
    log,
    localeOfUser: (id) => locales.of(id),
  });
  const env = {
    services,
    log,
    ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
  };
  const inflight = new Set<Promise<void>>();
  let accepting = false;

  const onInteraction = (interaction: Interaction) => {
    if (!accepting) return;
    locales.remember(interaction.user.id, localeFrom(interaction.locale));
    const handled: Promise<void> = handleInteraction(interaction, env)
      .catch((error: unknown) => log.error({ err: String(error) }, 'discord interaction crashed'))
      .finally(() => inflight.delete(handled));
    inflight.add(handled);
  };
  client.on(Events.InteractionCreate, onInteraction);
  client.on(Events.Error, (error) => log.warn({ err: error.message }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn({ shard, code: event.code }, 'discord gateway disconnected'),
  );

  return {
    name: 'discord',
    publisher,
    drillPublisher: publisher,
    // The DM is opened when something is posted to it; its key names the person.
    async dmChannelFor(player: string) {
      const userId = parseUserKey(player);
      if (!userId) throw new Error(`${player} is not a Discord player`);
      return dmKey(userId);
    },
    async start() {
      await logIn(client, options.config);
      accepting = true;
      log.info(
        { user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.ws.shards.size },
        'discord connected',
      );
    },
    async stop() {
      accepting = false;
      await Promise.allSettled([...inflight]);
    },
    async close() {
      accepting = false;
      await client.destroy();
    },
    connected: () => client.isReady() && client.ws.shards.every((s) => s.status === Status.Ready),
  };
}
