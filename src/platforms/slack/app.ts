/**
 * The Bolt app and its transport. HTTP (the default) verifies signed requests on the bot's own
 * server at `/slack/events`; Socket Mode (when an app-level token is configured) receives the same
 * events over a websocket Slack opens, for bots that cannot take inbound HTTP. Either way the
 * receiver only hands events to the app; everything else is the same.
 */
import {
  App,
  type Logger as BoltLogger,
  type Receiver,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import { type ClientSettings, slackClientOptions } from './client-options.js';
import { SlackHttpReceiver } from './receiver.js';

export interface SlackAppOptions {
  logger: BoltLogger;
  /** A faster retry policy for tests; production uses SLACK_RETRY_POLICY. */
  retry?: webApi.RetryOptions;
}

export interface SlackApp {
  app: App;
  /** Set in HTTP mode: its `requestListener` is mounted at `/slack/events`. */
  http: SlackHttpReceiver | null;
}

export function createSlackApp(config: SlackConfig, options: SlackAppOptions): SlackApp {
  const settings: ClientSettings = {
    apiUrl: config.apiUrl,
    retry: options.retry,
    logger: options.logger,
  };
  const { receiver, http } = transport(config, settings, options.logger);
  const app = new App({
    token: config.botToken,
    receiver,
    logger: options.logger,
    clientOptions: slackClientOptions(settings),
    // auth.test runs in start(), where a bad token or an unreachable API is an error to report,
    // not an unhandled rejection from the constructor.
    deferInitialization: true,
  });
  return { app, http };
}

function transport(
  config: SlackConfig,
  settings: ClientSettings,
  logger: BoltLogger,
): { receiver: Receiver; http: SlackHttpReceiver | null } {
  if (config.mode === 'http') {
    const http = new SlackHttpReceiver({ signingSecret: config.signingSecret, logger });
    return { receiver: http, http };
  }
  const socket = new SocketModeReceiver({
    appToken: config.appToken,
    logger,
    // apps.connections.open goes to the same API base, with its own copy of the options.
    installerOptions: { clientOptions: slackClientOptions(settings) },
  });
  return { receiver: socket, http: null };
}
