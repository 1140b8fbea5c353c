/**
 * One Publisher for core that hands each post to the adapter owning the channel, by the channel
 * key's platform prefix (`console:` / `discord:` / `slack:`). Core never learns which platforms
 * exist; adding one is one more entry in the map main.ts builds.
 */
import type { ChannelCheck, Publisher } from '../core/quiz/ports.js';
import type { PostObserver } from '../http/metrics.js';
import type { PlatformName } from './adapter.js';

/**
 * No adapter for the channel's platform runs in this process. Retryable on purpose: refusing
 * (PublishRefusedError) would pause the channel's subscription, and a process started with only
 * the console against a shared Redis must not pause every Discord channel.
 */
export class NoAdapterError extends Error {
  readonly code = 'NO_ADAPTER';
  constructor(readonly channel: string) {
    super(`no adapter in this process posts to ${channel}; another process will take the job`);
    this.name = 'NoAdapterError';
  }
}

/** The platform prefix of a channel key, or null when it has none. */
export function platformOf(channel: string): string | null {
  const i = channel.indexOf(':');
  return i > 0 ? channel.slice(0, i) : null;
}

export class RoutingPublisher implements Publisher {
  private readonly byPlatform = new Map<PlatformName, Publisher>();

  constructor(private readonly observer?: PostObserver) {}

  /** Sends `<platform>:…` channels to `publisher` (adapters are built after core's deps). */
  add(platform: PlatformName, publisher: Publisher): void {
    this.byPlatform.set(platform, publisher);
  }

  checkChannel(channel: string): Promise<ChannelCheck> {
    const target = this.route(channel);
    if (!target)
      return Promise.resolve({
        ok: false,
        missing: [`a running ${platformOf(channel) ?? 'platform'} adapter`],
      });
    return target.checkChannel(channel);
  }

  async post(...args: Parameters<Publisher['post']>): ReturnType<Publisher['post']> {
    const [target, view] = args;
    const publisher = this.route(target.channel);
    if (!publisher) throw new NoAdapterError(target.channel);
    const platform = platformOf(target.channel)!;
    try {
      const ref = await publisher.post(...args);
      this.observer?.posted({ platform, kind: view.kind, ok: true });
      return ref;
    } catch (error) {
      this.observer?.posted({ platform, kind: view.kind, ok: false });
      throw error;
    }
  }

  private route(channel: string): Publisher | undefined {
    return this.byPlatform.get(platformOf(channel) as PlatformName);
  }
}
