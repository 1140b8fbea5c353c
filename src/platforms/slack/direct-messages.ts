/**
 * A person's DM with the bot as a channel key, for drill deliveries. `conversations.open` answers
 * the existing DM or opens one; the answer never changes, so it is remembered.
 */
import type { webApi } from '@slack/bolt';
import { PublishRefusedError } from '../../core/quiz/ports.js';
import { refusalOf } from './errors.js';
import { channelKey, parseUserKey } from './ids.js';

export class SlackDirectMessages {
  private readonly known = new Map<string, string>();
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly team: () => string,
  ) {}

  /** The Slack user whose DM a channel id is, when this process opened it. */
  ownerOf(channel: string): string | undefined {
    return this.owners.get(channel);
  }

  async channelFor(player: string): Promise<string> {
    const cached = this.known.get(player);
    if (cached) return cached;
    const user = parseUserKey(player);
    if (!user) throw new PublishRefusedError(`${player} is not a Slack user`, 'other');
    try {
      const opened = await this.client.conversations.open({ users: user.user });
      if (!opened.channel?.id)
        throw new Error(`conversations.open gave no channel for ${user.user}`);
      const key = channelKey(this.team(), opened.channel.id);
      this.known.set(player, key);
      this.owners.set(opened.channel.id, user.user);
      return key;
    } catch (error) {
      throw refusalOf(error) ?? error;
    }
  }
}
