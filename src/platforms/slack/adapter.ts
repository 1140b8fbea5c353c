/**
 * The Slack adapter: Bolt over HTTP (`/slack/events` on the bot's server) or Socket Mode, one
 * `/quiz` command, buttons, the answer modal and App Home, each a listener that turns one Slack
 * event into one call of the shared command layer; and a Publisher for what jobs post.
 */
import type { webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { Adapter, AdapterServices } from '../../runtime/adapter.js';
import { createSlackApp } from './app.js';
import type { SlackContext } from './context.js';
import { SlackDirectMessages } from './direct-messages.js';
import { SlackImages } from './images.js';
import { listenForButtons } from './listeners/actions.js';
import { errorText, listenForCommands } from './listeners/command.js';
import { listenForHome } from './listeners/home.js';
import { listenForAnswers } from './listeners/modal.js';
import { boltLogger } from './logger.js';
import { SlackPeople } from './people.js';
import { CHANNEL_LOCALE, SlackPublisher } from './publisher.js';
import { RefusalNotices } from './refusals.js';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackAdapterOptions {
  config: SlackConfig;
  log: Logger;
  /** A faster Web API retry policy (tests); production uses SLACK_RETRY_POLICY. */
  retry?: webApi.RetryOptions;
}

export function createSlackAdapter(
  services: AdapterServices,
  options: SlackAdapterOptions,
): Adapter {
  const log = options.log.child({ platform: 'slack' });
  const { app, http } = createSlackApp(options.config, {
    logger: boltLogger(options.log),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const { client } = app;
  const people = new SlackPeople(client, log);
  const images = new SlackImages(client, log);
  const running = new Set<Promise<unknown>>();
  let team: string | null = null;
  let connected = false;

  const ctx: SlackContext = {
    services,
    client,
    people,
    images,
    team: () => {
      if (!team) throw new Error('the Slack adapter has not started (no team yet)');
      return team;
    },
    log,
    track(work) {
      const promise = work();
      running.add(promise);
      void promise.then(
        () => running.delete(promise),
        () => running.delete(promise),
      );
      return promise;
    },
  };
  listenForCommands(app, ctx);
  listenForButtons(app, ctx);
  listenForAnswers(app, ctx);
  listenForHome(app, ctx);
  // Every error a listener lets through ends here, once.
  app.error(async (error) => {
    log.error({ err: errorText(error), code: error.code }, 'Slack listener failed');
  });

  const directMessages = new SlackDirectMessages(client, ctx.team);
  const publisher = new SlackPublisher({
    client,
    render: { renderer: services.formulas, boardCard: services.boardCard, images },
    zoneOf: async (workspace) => (await services.deps.workspaces.timezone(workspace)) ?? 'UTC',
    refusals: new RefusalNotices({
      client,
      subscriptions: services.deps.subscriptions,
      people,
      log,
    }),
    localeOf: async (channel) => {
      const owner = directMessages.ownerOf(channel);
      return owner ? (await people.get(owner)).locale : CHANNEL_LOCALE;
    },
  });

  return {
    name: 'slack',
    publisher,
    drillPublisher: publisher,
    dmChannelFor: (player) => directMessages.channelFor(player),
    ...(http ? { routes: new Map([[SLACK_EVENTS_PATH, http.requestListener]]) } : {}),
    async start() {
      const identity = await client.auth.test();
      if (!identity.team_id)
        throw new Error('auth.test did not say which Slack team the bot is in');
      team = identity.team_id;
      await app.init();
      await app.start();
      connected = true;
      log.info({ team, mode: options.config.mode }, 'Slack adapter started');
    },
    async stop() {
      if (!connected) return;
      connected = false;
      await app.stop();
      await Promise.allSettled([...running]);
    },
    async close() {
      await Promise.allSettled([...running]);
    },
    connected: () => connected,
  };
}
