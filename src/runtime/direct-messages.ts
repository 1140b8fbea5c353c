/**
 * Core's DirectMessages for every platform at once: a player key's platform prefix
 * (`console:user:…`, `discord:user:…`) picks the adapter that knows that player's DM channel.
 */
import type { DirectMessages } from '../core/drills/ports.js';
import type { PlatformName } from './adapter.js';
import { platformOf } from './routing-publisher.js';

/**
 * No adapter in this process can DM the player. Retryable on purpose, like NoAdapterError: a
 * refusal would record the person's DMs as closed when only this process cannot reach them.
 */
export class NoDirectMessagesError extends Error {
  readonly code = 'NO_DIRECT_MESSAGES';
  constructor(readonly player: string) {
    super(`no adapter in this process sends direct messages to ${player}; another process will`);
    this.name = 'NoDirectMessagesError';
  }
}

export class RoutingDirectMessages implements DirectMessages {
  private readonly byPlatform = new Map<string, (player: string) => Promise<string>>();

  /** Resolves `<platform>:…` players with `channelFor` (adapters are built after core's deps). */
  add(platform: PlatformName, channelFor: (player: string) => Promise<string>): void {
    this.byPlatform.set(platform, channelFor);
  }

  channelFor(player: string): Promise<string> {
    const resolve = this.byPlatform.get(platformOf(player) ?? '');
    return resolve ? resolve(player) : Promise.reject(new NoDirectMessagesError(player));
  }
}
