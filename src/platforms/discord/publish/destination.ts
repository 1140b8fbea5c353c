/**
 * Where a post goes: a guild channel, a thread of it (a daily question's discussion), or a
 * person's DM with the bot. Channels come from the cache when this shard has the guild, else
 * from the API, so any process can post to any server.
 */
import type { Client, SendableChannels } from 'discord.js';
import type { PostedRef } from '../../../core/quiz/types.js';
import type { ChannelTarget } from '../ids.js';
import { guildChannel } from './permissions.js';

export interface Destination {
  channel: SendableChannels;
  /** A reply to this message, when the thread it should have gone to is missing. */
  replyTo?: string;
}

export async function destinationOf(
  client: Client,
  target: ChannelTarget,
  thread: PostedRef | undefined,
): Promise<Destination | null> {
  if (target.kind === 'dm') return { channel: await client.users.createDM(target.userId) };
  if (thread?.threadId) {
    const inThread = await guildChannel(client, thread.threadId);
    if (inThread?.isSendable()) return { channel: inThread };
  }
  const channel = await guildChannel(client, target.channelId);
  if (!channel?.isSendable()) return null;
  return thread ? { channel, replyTo: thread.messageId } : { channel };
}
