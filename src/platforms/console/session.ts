/**
 * Who the console is acting as, and where: one person in one channel of the local workspace,
 * both switchable (`/as`, `/channel`), with an admin flag per person (`/admin`) and a language
 * (`/lang`). The only mutable state of the adapter besides the publisher's message log.
 */
import type { Locale } from '../../../commands/quiz.js';
import type { Actor, Place } from '../../core/quiz/types.js';
import { WORKSPACE, channelKey, userKey } from './ids.js';

export class ConsoleSession {
  user = 'you';
  channel = 'general';
  locale: Locale = 'en';
  /** Zone for showing times: the workspace's once it has one, else UTC. */
  zone = 'UTC';
  /** The local workspace's owner is an admin; anyone else becomes one with `/admin on`. */
  private readonly admins = new Set(['you']);
  /** Channels where the bot has been denied posting (`/perms deny`), to try the refusal. */
  private readonly denied = new Set<string>();

  actor(): Actor {
    return {
      player: userKey(this.user),
      name: this.user,
      isAdmin: this.admins.has(this.user),
      locale: this.locale,
    };
  }

  place(): Place {
    return { workspace: WORKSPACE, channel: channelKey(this.channel) };
  }

  isAdmin(): boolean {
    return this.admins.has(this.user);
  }

  setAdmin(on: boolean): void {
    if (on) this.admins.add(this.user);
    else this.admins.delete(this.user);
  }

  canPost(channel: string): boolean {
    return !this.denied.has(channel);
  }

  setCanPost(channel: string, allowed: boolean): void {
    if (allowed) this.denied.delete(channel);
    else this.denied.add(channel);
  }
}
