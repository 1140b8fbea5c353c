/** What every Slack listener receives, built once by the adapter. */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { AdapterServices } from '../../runtime/adapter.js';
import type { ImageUploader } from './images.js';
import type { SlackPeople } from './people.js';

export interface SlackContext {
  services: AdapterServices;
  /** The bot-token client (app.client): for calls outside a listener's own client. */
  client: webApi.WebClient;
  people: SlackPeople;
  images: ImageUploader;
  /** The team the bot is installed in (known once started): the workspace of every key. */
  team(): string;
  log: Logger;
  /** Runs work the adapter must wait for when it stops (everything after an ack). */
  track<T>(work: () => Promise<T>): Promise<T>;
}
