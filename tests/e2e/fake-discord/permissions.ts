/**
 * Discord's permission arithmetic (base permissions from roles, then channel overwrites), so the
 * fake can put the right `app_permissions` / `member.permissions` in interactions and refuse REST
 * calls the bot could not make.
 */
import { PermissionFlagsBits } from 'discord.js';
import type { APIOverwrite } from 'discord.js';

export type PermissionName = keyof typeof PermissionFlagsBits;
/** Permission names (`['SendMessages', 'AttachFiles']`) or a raw bitfield. */
export type PermissionsInput = readonly PermissionName[] | bigint;

export const P = PermissionFlagsBits;
const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((a, b) => a | b, 0n);

export function toBits(input: PermissionsInput): bigint {
  if (typeof input === 'bigint') return input;
  return input.reduce((bits, name) => bits | PermissionFlagsBits[name], 0n);
}

/** Close to what a new server gives @everyone. */
export const DEFAULT_EVERYONE: readonly PermissionName[] = [
  'ViewChannel',
  'SendMessages',
  'SendMessagesInThreads',
  'CreatePublicThreads',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
  'AddReactions',
  'UseExternalEmojis',
  'UseApplicationCommands',
  'CreateInstantInvite',
  'ChangeNickname',
  'Connect',
  'Speak',
];

/** What the bot's own managed role holds unless a guild seed says otherwise. */
export const DEFAULT_BOT: readonly PermissionName[] = [
  'ViewChannel',
  'SendMessages',
  'SendMessagesInThreads',
  'CreatePublicThreads',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
  'AddReactions',
];

/** What Discord reports as `app_permissions` in the bot's own DM channel. */
export const DM_PERMISSIONS = toBits([
  'ViewChannel',
  'SendMessages',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
  'AddReactions',
  'UseExternalEmojis',
  'MentionEveryone',
  'UseApplicationCommands',
]);

export interface PermissionSubject {
  userId: string;
  roleIds: readonly string[];
}

export interface PermissionGuild {
  id: string;
  ownerId: string;
  rolePermissions: (roleId: string) => bigint | undefined;
}

/** Guild-wide permissions: @everyone plus every role; owner and Administrator get everything. */
function basePermissions(guild: PermissionGuild, who: PermissionSubject): bigint {
  if (who.userId === guild.ownerId) return ALL_PERMISSIONS;
  let bits = guild.rolePermissions(guild.id) ?? 0n;
  for (const roleId of who.roleIds) bits |= guild.rolePermissions(roleId) ?? 0n;
  return bits & P.Administrator ? ALL_PERMISSIONS : bits;
}

/** Channel permissions: base, then the @everyone, role and member overwrites in Discord's order. */
export function channelPermissions(
  guild: PermissionGuild,
  who: PermissionSubject,
  overwrites: readonly APIOverwrite[],
): bigint {
  let bits = basePermissions(guild, who);
  if (bits & P.Administrator) return ALL_PERMISSIONS;
  const apply = (ow: APIOverwrite | undefined) => {
    if (ow) bits = (bits & ~BigInt(ow.deny)) | BigInt(ow.allow);
  };
  apply(overwrites.find((ow) => ow.id === guild.id));
  let allow = 0n;
  let deny = 0n;
  for (const ow of overwrites) {
    if (ow.type === 0 && ow.id !== guild.id && who.roleIds.includes(ow.id)) {
      allow |= BigInt(ow.allow);
      deny |= BigInt(ow.deny);
    }
  }
  bits = (bits & ~deny) | allow;
  apply(overwrites.find((ow) => ow.type === 1 && ow.id === who.userId));
  // Without View Channel nothing else in the channel applies.
  return bits & P.ViewChannel ? bits : 0n;
}

export function has(bits: bigint, flag: bigint): boolean {
  return (bits & flag) === flag;
}
