/**
 * The fake's world: users, guilds with roles, members and channels, threads, DM channels, every
 * message (ephemeral ones included, kept out of channel history), stored attachment bytes,
 * registered commands and interactions. Seeded from `startFakeDiscord` options.
 */
import { ChannelType, Locale } from 'discord.js';
import type {
  APIApplicationCommand,
  APIDMChannel,
  APIGuildMember,
  APIMessage,
  APIOverwrite,
  APIRole,
  APITextChannel,
  APIThreadChannel,
  APIUser,
  InteractionType,
} from 'discord.js';
import { Err } from './errors.js';
import { snowflake } from './ids.js';
import { buildMember, buildRole, buildTextChannel, buildUser } from './payloads.js';
import {
  DEFAULT_BOT,
  DEFAULT_EVERYONE,
  DM_PERMISSIONS,
  channelPermissions,
  toBits,
  type PermissionGuild,
  type PermissionsInput,
} from './permissions.js';
import type { RecordedCall, RecordedFile } from './recorder.js';

export interface UserSeed {
  id: string;
  username: string;
  globalName?: string;
  /** The person has closed DMs from server members: DMs to them fail with 50007. */
  dmsClosed?: boolean;
}
export interface RoleSeed {
  id: string;
  name: string;
  permissions: PermissionsInput;
}
export interface OverwriteSeed {
  /** A role id (the guild id is @everyone) or a user id. */
  id: string;
  type: 'role' | 'member';
  allow?: PermissionsInput;
  deny?: PermissionsInput;
}
export interface ChannelSeed {
  id: string;
  name: string;
  topic?: string;
  overwrites?: readonly OverwriteSeed[];
}
export interface MemberSeed {
  user: UserSeed;
  roles?: readonly string[];
}
export interface GuildSeed {
  id: string;
  name: string;
  /** Defaults to a synthetic owner who is not among `members` (the owner has every permission). */
  ownerId?: string;
  preferredLocale?: Locale;
  /** @everyone's permissions; defaults to what a new server grants. */
  everyone?: PermissionsInput;
  /** The bot's managed role; defaults to view/send/threads/embed/attach/history/react. */
  botPermissions?: PermissionsInput;
  roles?: readonly RoleSeed[];
  channels: readonly ChannelSeed[];
  members?: readonly MemberSeed[];
}

export interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: Locale;
  joinedAt: number;
  botRoleId: string;
  roles: Map<string, APIRole>;
  members: Map<string, APIGuildMember>;
}
export type ChannelJson = APITextChannel | APIThreadChannel | APIDMChannel;
export interface ChannelState {
  json: ChannelJson;
  guildId: string | null;
  messageIds: string[];
}
export interface MessageState {
  json: APIMessage;
  channelId: string;
  /** Ephemeral messages are visible to one user only and are not in channel history. */
  visibleTo: string | null;
  deleted: boolean;
  interactionId?: string;
}
export interface StoredAttachment {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** One interaction callback as discord.js sent it. */
export interface RecordedCallback {
  type: number;
  data: Record<string, unknown> | undefined;
  files: RecordedFile[];
  /** Milliseconds from dispatch to the callback reaching the fake. */
  ms: number;
  call: RecordedCall;
}
/** A PATCH of `@original` or of a follow-up through the interaction webhook. */
export interface RecordedEdit {
  target: string;
  messageId: string;
  json: Record<string, unknown>;
  files: RecordedFile[];
  ms: number;
  call: RecordedCall;
}
export interface InteractionRecord {
  id: string;
  token: string;
  type: InteractionType;
  payload: Record<string, unknown>;
  userId: string;
  channelId: string;
  dispatchedAt: number;
  callbacks: RecordedCallback[];
  originalMessageId: string | null;
  originalLoading: boolean;
  /** Message the component was on (component interactions, modals opened from one). */
  sourceMessageId: string | null;
  followUpIds: string[];
  edits: RecordedEdit[];
  /** The modal shown with a type-9 callback, for `dispatchModalSubmit`. */
  modal: Record<string, unknown> | null;
}

export interface WorldOptions {
  token: string;
  applicationId: string;
  botUser: APIUser;
  cdnBase: string;
  callbackDeadlineMs: number;
  tokenTtlMs: number;
  nonceWindowMs: number;
  guilds: readonly GuildSeed[];
  users: readonly UserSeed[];
}

export class World {
  readonly users = new Map<string, APIUser>();
  readonly dmsClosed = new Set<string>();
  readonly guilds = new Map<string, GuildState>();
  readonly channels = new Map<string, ChannelState>();
  readonly messages = new Map<string, MessageState>();
  readonly attachments = new Map<string, StoredAttachment>();
  readonly dmByRecipient = new Map<string, string>();
  readonly globalCommands = new Map<string, APIApplicationCommand>();
  readonly guildCommands = new Map<string, Map<string, APIApplicationCommand>>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly interactionByToken = new Map<string, InteractionRecord>();
  readonly nonces = new Map<string, { messageId: string; at: number }>();

  constructor(readonly options: WorldOptions) {
    this.users.set(options.botUser.id, options.botUser);
    for (const user of options.users) this.addUser(user);
    for (const guild of options.guilds) this.addGuild(guild);
  }

  get bot(): APIUser {
    return this.options.botUser;
  }

  addUser(seed: UserSeed): APIUser {
    const user = this.users.get(seed.id) ?? buildUser(seed);
    this.users.set(seed.id, user);
    if (seed.dmsClosed) this.dmsClosed.add(seed.id);
    return user;
  }

  addMember(guildId: string, seed: MemberSeed): APIGuildMember {
    const guild = this.requireGuild(guildId);
    const user = this.addUser(seed.user);
    for (const roleId of seed.roles ?? []) {
      if (!guild.roles.has(roleId))
        throw new Error(`fake discord: no role ${roleId} in ${guildId}`);
    }
    const member = buildMember(user, seed.roles ?? [], guild.joinedAt);
    guild.members.set(user.id, member);
    return member;
  }

  private addGuild(seed: GuildSeed): void {
    const joinedAt = Date.now();
    const botRoleId = snowflake();
    const roles = new Map<string, APIRole>();
    const everyone = toBits(seed.everyone ?? DEFAULT_EVERYONE);
    roles.set(
      seed.id,
      buildRole({ id: seed.id, name: '@everyone', permissions: everyone, position: 0 }),
    );
    (seed.roles ?? []).forEach((role, index) => {
      const permissions = toBits(role.permissions);
      roles.set(role.id, buildRole({ ...role, permissions, position: index + 1 }));
    });
    roles.set(
      botRoleId,
      buildRole({
        id: botRoleId,
        name: this.bot.username,
        permissions: toBits(seed.botPermissions ?? DEFAULT_BOT),
        position: roles.size,
        botId: this.bot.id,
      }),
    );
    const guild: GuildState = {
      id: seed.id,
      name: seed.name,
      ownerId: seed.ownerId ?? snowflake(),
      preferredLocale: seed.preferredLocale ?? Locale.EnglishUS,
      joinedAt,
      botRoleId,
      roles,
      members: new Map(),
    };
    this.guilds.set(guild.id, guild);
    guild.members.set(this.bot.id, buildMember(this.bot, [botRoleId], joinedAt));
    for (const member of seed.members ?? []) this.addMember(guild.id, member);
    seed.channels.forEach((channel, position) => {
      const overwrites = (channel.overwrites ?? []).map(toOverwrite);
      const json = buildTextChannel({ ...channel, guildId: guild.id, position, overwrites });
      this.channels.set(channel.id, { json, guildId: guild.id, messageIds: [] });
    });
  }

  requireGuild(id: string): GuildState {
    const guild = this.guilds.get(id);
    if (!guild) throw Err.unknownGuild();
    return guild;
  }

  requireChannel(id: string): ChannelState {
    const channel = this.channels.get(id);
    if (!channel) throw Err.unknownChannel();
    return channel;
  }

  guildChannels(guildId: string): ChannelState[] {
    return [...this.channels.values()].filter((c) => c.guildId === guildId);
  }

  isThread(channel: ChannelState): channel is ChannelState & { json: APIThreadChannel } {
    const { type } = channel.json;
    return type === ChannelType.PublicThread || type === ChannelType.PrivateThread;
  }

  /** What `userId` may do in `channelId`, computed the way Discord does (threads use the parent). */
  permissionsIn(channelId: string, userId: string): bigint {
    const channel = this.requireChannel(channelId);
    if (channel.guildId === null) return DM_PERMISSIONS;
    const guild = this.requireGuild(channel.guildId);
    const member = guild.members.get(userId);
    if (!member) return 0n;
    const source = this.isThread(channel) ? this.requireChannel(channel.json.parent_id!) : channel;
    const overwrites =
      'permission_overwrites' in source.json ? source.json.permission_overwrites : [];
    return channelPermissions(
      permissionGuild(guild),
      { userId, roleIds: member.roles },
      overwrites ?? [],
    );
  }

  /** Messages in a channel as its history shows them: oldest first, no ephemeral or deleted ones. */
  channelMessages(channelId: string): APIMessage[] {
    const channel = this.channels.get(channelId);
    if (!channel) return [];
    return channel.messageIds
      .map((id) => this.messages.get(id)!)
      .filter((m) => !m.deleted && m.visibleTo === null)
      .map((m) => m.json);
  }

  requireMessage(channelId: string, messageId: string): MessageState {
    const message = this.messages.get(messageId);
    if (!message || message.deleted || message.channelId !== channelId) throw Err.unknownMessage();
    return message;
  }
}

function permissionGuild(guild: GuildState): PermissionGuild {
  return {
    id: guild.id,
    ownerId: guild.ownerId,
    rolePermissions: (roleId) => {
      const role = guild.roles.get(roleId);
      return role ? BigInt(role.permissions) : undefined;
    },
  };
}

function toOverwrite(seed: OverwriteSeed): APIOverwrite {
  return {
    id: seed.id,
    type: seed.type === 'role' ? 0 : 1,
    allow: toBits(seed.allow ?? 0n).toString(),
    deny: toBits(seed.deny ?? 0n).toString(),
  };
}
