/**
 * Discord's opaque keys. Only this file spells them; core stores them and never looks inside.
 * A guild is a workspace, a guild channel (or thread) a channel, a person a player. A DM with the
 * bot has its own channel key, named by the person, so it survives a closed-and-reopened DM.
 */
const GUILD = 'discord:guild:';
const CHANNEL = 'discord:channel:';
const USER = 'discord:user:';
const DM = 'discord:dm:';

const SNOWFLAKE = /^\d{1,20}$/;

export const guildKey = (guildId: string): string => `${GUILD}${guildId}`;
export const channelKey = (guildId: string, channelId: string): string =>
  `${CHANNEL}${guildId}:${channelId}`;
export const userKey = (userId: string): string => `${USER}${userId}`;
export const dmKey = (userId: string): string => `${DM}${userId}`;

/** Where a key points: a guild channel, or a person's DM with the bot; null for anything else. */
export type ChannelTarget =
  { kind: 'guild'; guildId: string; channelId: string } | { kind: 'dm'; userId: string };

export function parseChannelKey(key: string): ChannelTarget | null {
  if (key.startsWith(CHANNEL)) {
    const [guildId, channelId, ...rest] = key.slice(CHANNEL.length).split(':');
    if (rest.length || !isSnowflake(guildId) || !isSnowflake(channelId)) return null;
    return { kind: 'guild', guildId, channelId };
  }
  if (key.startsWith(DM)) {
    const userId = key.slice(DM.length);
    return isSnowflake(userId) ? { kind: 'dm', userId } : null;
  }
  return null;
}

/** The user id inside `discord:user:…`, or null for another platform's player. */
export function parseUserKey(key: string): string | null {
  if (!key.startsWith(USER)) return null;
  const id = key.slice(USER.length);
  return isSnowflake(id) ? id : null;
}

/** The guild id inside `discord:guild:…`, or null. */
export function parseGuildKey(key: string): string | null {
  if (!key.startsWith(GUILD)) return null;
  const id = key.slice(GUILD.length);
  return isSnowflake(id) ? id : null;
}

function isSnowflake(id: string | undefined): id is string {
  return id !== undefined && SNOWFLAKE.test(id);
}
