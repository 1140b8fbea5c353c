/**
 * The seam between the composition root and the platforms. Each platform (console now, Discord
 * and Slack later) is an Adapter: it owns its connection and a Publisher for its own channels,
 * and main.ts starts, watches and stops it. Adapters get what they need as services built in
 * main.ts; none of them builds a client of its own.
 */
import type { CommandServices } from '../commands/handlers/types.js';
import type { DrillPublisher } from '../core/drills/ports.js';
import type { FormulaRenderer } from '../core/ports.js';
import type { Publisher } from '../core/quiz/ports.js';
import type { LeaderboardView } from '../core/quiz/views.js';
import type { HttpHandler } from '../http/server.js';
import type { LeaderboardCard, LeaderboardCardOptions } from '../render/leaderboard-card.js';

/** The channel-key prefix of each platform (`console:ch:general`, `discord:guild:1:channel:2`). */
export type PlatformName = 'console' | 'discord' | 'slack';

export interface Adapter {
  readonly name: PlatformName;
  /** Posts views to this platform's channels; the routing publisher sends it `<name>:…` keys. */
  readonly publisher: Publisher;
  /** Connects and starts taking events. */
  start(): Promise<void>;
  /**
   * Stops taking new events and lets the ones in hand finish. The publisher keeps working, so
   * jobs still running at shutdown can post. Safe to call twice.
   */
  stop(): Promise<void>;
  /** Disconnects from the platform, after the jobs are drained; the publisher is done too. */
  close(): Promise<void>;
  /** For /healthz: whether the platform connection is up. */
  connected(): boolean;
  /** Extra HTTP routes to mount on the bot's server (Slack's `/slack/events`). */
  readonly routes?: ReadonlyMap<string, HttpHandler>;
  /**
   * Drills: the direct-message channel key of one of this platform's player keys (opening the
   * DM when the platform needs that). With `drillPublisher`, drill deliveries reach this platform.
   */
  dmChannelFor?(player: string): Promise<string>;
  /**
   * Posts drill DM views (session, card sides, summary) to the channels `dmChannelFor` gives;
   * a closed DM is a `PublishRefusedError`. A publisher whose `post` also takes drill views can
   * be given here as it is.
   */
  readonly drillPublisher?: DrillPublisher;
}

export type CommandOutcome = 'ok' | 'refused' | 'error';

/** Where adapters report each command they handled (backed by prom-client in main.ts). */
export interface CommandObserver {
  handled(event: {
    command: string;
    platform: PlatformName;
    outcome: CommandOutcome;
    seconds: number;
  }): void;
}

/** Draws the leaderboard card; the adapter supplies the words in the reader's language. */
export type BoardCardRenderer = (
  view: LeaderboardView,
  options: LeaderboardCardOptions,
) => Promise<LeaderboardCard>;

/** What every adapter is handed by main.ts; `/quiz` handlers and buttons get the CommandServices part. */
export interface AdapterServices extends CommandServices {
  formulas: FormulaRenderer;
  boardCard: BoardCardRenderer;
  commands: CommandObserver;
}
