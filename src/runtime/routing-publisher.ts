/**
 * One Publisher for core that hands each post to the adapter owning the channel, by the channel
 * key's platform prefix (`console:` / `discord:` / `slack:`). Core never learns which platforms
 * exist; adding one is one more entry in the map main.ts builds. It is the drills' DrillPublisher
 * too: drill DM views go to the adapter's drill publisher, when it has one.
 */
import type { DrillPublisher } from '../core/drills/ports.js';
import type { DrillOutgoingView } from '../core/drills/views.js';
import type { ChannelCheck, Publisher } from '../core/quiz/ports.js';
import type { PostedRef } from '../core/quiz/types.js';
import type { OutgoingView } from '../core/quiz/views.js';
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

/** The view kinds of drill DMs, which only drill publishers render. */
const DRILL_KINDS: ReadonlySet<string> = new Set<DrillOutgoingView['kind']>([
  'drill-session',
  'drill-card',
  'drill-summary',
]);

const isDrillView = (view: OutgoingView | DrillOutgoingView): view is DrillOutgoingView =>
  DRILL_KINDS.has(view.kind);

export class RoutingPublisher implements Publisher, DrillPublisher {
  private readonly byPlatform = new Map<PlatformName, Publisher>();
  private readonly drillsByPlatform = new Map<PlatformName, DrillPublisher>();

  constructor(private readonly observer?: PostObserver) {}

  /**
   * Sends `<platform>:…` channels to `publisher`, and drill DMs to `drills` when the platform
   * renders them (adapters are built after core's deps).
   */
  add(platform: PlatformName, publisher: Publisher, drills?: DrillPublisher): void {
    this.byPlatform.set(platform, publisher);
    if (drills) this.drillsByPlatform.set(platform, drills);
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

  async post(
    target: { channel: string; thread?: PostedRef },
    view: OutgoingView | DrillOutgoingView,
    options?: { idempotencyKey?: string },
  ): Promise<PostedRef> {
    const platform = platformOf(target.channel) as PlatformName;
    const send = this.sender(platform, target, view, options);
    if (!send) throw new NoAdapterError(target.channel);
    try {
      const ref = await send();
      this.observer?.posted({ platform, kind: view.kind, ok: true });
      return ref;
    } catch (error) {
      this.observer?.posted({ platform, kind: view.kind, ok: false });
      throw error;
    }
  }

  /** The post to make on the owning adapter; null when no adapter here takes this view there. */
  private sender(
    platform: PlatformName,
    target: { channel: string; thread?: PostedRef },
    view: OutgoingView | DrillOutgoingView,
    options: { idempotencyKey?: string } | undefined,
  ): (() => Promise<PostedRef>) | null {
    if (isDrillView(view)) {
      const drills = this.drillsByPlatform.get(platform);
      return drills ? () => drills.post(target, view, options) : null;
    }
    const publisher = this.byPlatform.get(platform);
    return publisher ? () => publisher.post(target, view, options) : null;
  }

  private route(channel: string): Publisher | undefined {
    return this.byPlatform.get(platformOf(channel) as PlatformName);
  }
}
