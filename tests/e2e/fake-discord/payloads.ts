/**
 * Builders for Discord objects as the API and gateway send them: users, roles, members, channels,
 * threads and GUILD_CREATE. Each is checked against discord-api-types with `satisfies`, so a
 * missing or misspelt field is a compile error rather than a silently unrealistic payload.
 */
import { ChannelType } from 'discord.js';
import type {
  APIDMChannel,
  APIGuildMember,
  APIInteractionGuildMember,
  APIOverwrite,
  APIRole,
  APITextChannel,
  APIThreadChannel,
  APIUser,
  GatewayGuildCreateDispatchData,
  Locale,
  ThreadAutoArchiveDuration,
} from 'discord.js';
import { iso } from './ids.js';

// discord-api-types' flag enums have no zero member; Discord sends 0 for "no flags".
const NO_FLAGS = 0 as never;

export interface UserInit {
  id: string;
  username: string;
  globalName?: string | null;
  bot?: boolean;
  discriminator?: string;
}

export function buildUser(init: UserInit): APIUser {
  return {
    id: init.id,
    username: init.username,
    discriminator: init.discriminator ?? (init.bot ? '8421' : '0'),
    global_name: init.bot ? null : (init.globalName ?? init.username),
    avatar: null,
    ...(init.bot ? { bot: true } : {}),
    public_flags: NO_FLAGS,
    flags: NO_FLAGS,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  } satisfies APIUser;
}

export interface RoleInit {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  botId?: string;
  color?: number;
}

export function buildRole(init: RoleInit): APIRole {
  const color = init.color ?? 0;
  return {
    id: init.id,
    name: init.name,
    color,
    colors: { primary_color: color, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: init.position,
    permissions: init.permissions.toString(),
    managed: init.botId !== undefined,
    mentionable: false,
    flags: NO_FLAGS,
    ...(init.botId ? { tags: { bot_id: init.botId } } : {}),
  } satisfies APIRole;
}

export function buildMember(user: APIUser, roles: readonly string[], joinedAt: number) {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: [...roles],
    joined_at: iso(joinedAt),
    premium_since: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: NO_FLAGS,
    communication_disabled_until: null,
    avatar_decoration_data: null,
    collectibles: null,
  } satisfies APIGuildMember;
}

/** A member as it appears in an interaction: with the invoker's permissions in the channel. */
export function interactionMember(member: APIGuildMember, permissions: bigint) {
  return {
    ...member,
    user: member.user,
    permissions: permissions.toString(),
  } satisfies APIInteractionGuildMember;
}

export interface TextChannelInit {
  id: string;
  guildId: string;
  name: string;
  position: number;
  parentId?: string | null;
  topic?: string | null;
  overwrites?: readonly APIOverwrite[];
}

export function buildTextChannel(init: TextChannelInit): APITextChannel {
  return {
    id: init.id,
    type: ChannelType.GuildText,
    guild_id: init.guildId,
    name: init.name,
    position: init.position,
    parent_id: init.parentId ?? null,
    topic: init.topic ?? null,
    nsfw: false,
    permission_overwrites: [...(init.overwrites ?? [])],
    last_message_id: null,
    last_pin_timestamp: null,
    rate_limit_per_user: 0,
    flags: NO_FLAGS,
  } satisfies APITextChannel;
}

export interface ThreadInit {
  id: string;
  guildId: string;
  parentId: string;
  ownerId: string;
  name: string;
  type: ChannelType.PublicThread | ChannelType.PrivateThread;
  autoArchiveDuration: ThreadAutoArchiveDuration;
  createdAt: number;
  rateLimitPerUser?: number;
}

export function buildThread(init: ThreadInit): APIThreadChannel {
  return {
    id: init.id,
    type: init.type,
    guild_id: init.guildId,
    parent_id: init.parentId,
    owner_id: init.ownerId,
    name: init.name,
    last_message_id: null,
    rate_limit_per_user: init.rateLimitPerUser ?? 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    flags: NO_FLAGS,
    thread_metadata: {
      archived: false,
      auto_archive_duration: init.autoArchiveDuration,
      archive_timestamp: iso(init.createdAt),
      locked: false,
      create_timestamp: iso(init.createdAt),
      ...(init.type === ChannelType.PrivateThread ? { invitable: true } : {}),
    },
  } satisfies APIThreadChannel;
}

export function buildDmChannel(id: string, recipient: APIUser): APIDMChannel {
  return {
    id,
    type: ChannelType.DM,
    name: null,
    last_message_id: null,
    flags: NO_FLAGS,
    recipients: [recipient],
  } satisfies APIDMChannel;
}

export interface GuildCreateInit {
  id: string;
  name: string;
  ownerId: string;
  applicationId: string;
  preferredLocale: Locale;
  joinedAt: number;
  roles: APIRole[];
  channels: APITextChannel[];
  threads: APIThreadChannel[];
  botMember: APIGuildMember;
  memberCount: number;
  systemChannelId: string | null;
}

/** GUILD_CREATE as a bot with only the Guilds intent receives it: its own member, no presences. */
export function buildGuildCreate(init: GuildCreateInit): GatewayGuildCreateDispatchData {
  return {
    id: init.id,
    name: init.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: init.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    roles: init.roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: init.systemChannelId,
    system_channel_flags: NO_FLAGS,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_members: 500_000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: init.preferredLocale,
    nsfw_level: 0,
    hub_type: null,
    incidents_data: null,
    joined_at: iso(init.joinedAt),
    large: false,
    unavailable: false,
    member_count: init.memberCount,
    voice_states: [],
    members: [init.botMember],
    channels: init.channels,
    threads: init.threads,
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  } satisfies GatewayGuildCreateDispatchData;
}
