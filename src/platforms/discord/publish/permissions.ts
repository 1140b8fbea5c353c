/**
 * What the bot needs in a daily-question channel, checked the way Discord will: the bot's
 * permissions in the channel computed from its roles and the channel's overwrites (discord.js
 * does the arithmetic from what GUILD_CREATE delivered). Missing ones are named as Discord's
 * settings name them, so an admin can find them.
 */
import { type Client, type GuildBasedChannel, PermissionFlagsBits } from 'discord.js';
import type { ChannelCheck } from '../../../core/quiz/ports.js';
import { parseChannelKey } from '../ids.js';

/** Each permission a daily question uses, and why. */
export const REQUIRED_PERMISSIONS: readonly { flag: bigint; name: string }[] = [
  { flag: PermissionFlagsBits.ViewChannel, name: 'View Channel' },
  { flag: PermissionFlagsBits.SendMessages, name: 'Send Messages' },
  // Questions are embeds; formulas and figures are attached PNGs.
  { flag: PermissionFlagsBits.EmbedLinks, name: 'Embed Links' },
  { flag: PermissionFlagsBits.AttachFiles, name: 'Attach Files' },
  // Each question opens a discussion thread, and its answer is posted there.
  { flag: PermissionFlagsBits.CreatePublicThreads, name: 'Create Public Threads' },
  { flag: PermissionFlagsBits.SendMessagesInThreads, name: 'Send Messages in Threads' },
];

/** Said instead of permissions when the place is a thread: a thread cannot hold threads. */
export const NOT_IN_A_THREAD = 'a text channel (not a thread)';

export async function checkBotCanPost(client: Client, key: string): Promise<ChannelCheck> {
  const target = parseChannelKey(key);
  if (!target) return { ok: false, missing: ['a Discord channel'] };
  if (target.kind === 'dm') return { ok: true };
  const channel = await guildChannel(client, target.channelId);
  if (!channel) return { ok: false, missing: [REQUIRED_PERMISSIONS[0]!.name] };
  if (channel.isThread()) return { ok: false, missing: [NOT_IN_A_THREAD] };
  const me = channel.guild.members.me ?? (await channel.guild.members.fetchMe());
  const granted = channel.permissionsFor(me);
  const missing = REQUIRED_PERMISSIONS.filter((p) => !granted.has(p.flag, true)).map((p) => p.name);
  return missing.length ? { ok: false, missing } : { ok: true };
}

/** A guild channel from the cache, else from the API; null when the bot cannot see it. */
export async function guildChannel(
  client: Client,
  channelId: string,
): Promise<GuildBasedChannel | null> {
  const channel =
    client.channels.cache.get(channelId) ??
    (await client.channels.fetch(channelId).catch(() => null));
  return channel && !channel.isDMBased() ? channel : null;
}
