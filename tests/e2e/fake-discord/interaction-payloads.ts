/**
 * INTERACTION_CREATE payloads as Discord sends them, built from the fake's state: the invoker's
 * member with `permissions`, `app_permissions`, the channel, locales, contexts, and typed command
 * options derived from the *registered* command (so a test cannot send what Discord could not).
 */
import { ApplicationCommandOptionType as T } from 'discord.js';
import type { APIApplicationCommand, InteractionType } from 'discord.js';
import { modalInputs } from './components.js';
import { interactionMember } from './payloads.js';
import type { ChannelState, World } from './state.js';
import { LIMITS } from './validate.js';

type Json = Record<string, unknown>;
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

export type OptionValue = string | number | boolean;

export class DispatchError extends Error {
  override readonly name = 'DispatchError';
}

export interface Envelope {
  id: string;
  token: string;
  type: InteractionType;
  userId: string;
  channelId: string;
  locale: string;
}

/** The fields every interaction carries, guild or DM. */
export function envelope(world: World, e: Envelope): Json {
  const channel = world.requireChannel(e.channelId);
  const user = world.users.get(e.userId);
  if (!user)
    throw new DispatchError(`unknown user ${e.userId}; seed it in guilds[].members or users`);
  const base: Json = {
    app_permissions: world.permissionsIn(e.channelId, world.bot.id).toString(),
    application_id: world.options.applicationId,
    attachment_size_limit: LIMITS.fileBytes,
    channel: interactionChannel(world, channel, e.userId),
    channel_id: e.channelId,
    entitlements: [],
    id: e.id,
    locale: e.locale,
    token: e.token,
    type: e.type,
    version: 1,
  };
  if (channel.guildId === null) {
    return { ...base, authorizing_integration_owners: { '0': '0' }, context: 1, user };
  }
  const guild = world.requireGuild(channel.guildId);
  const member = guild.members.get(e.userId);
  if (!member)
    throw new DispatchError(
      `user ${e.userId} is not a member of guild ${guild.id}; seed it or addMember()`,
    );
  return {
    ...base,
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
    guild_id: guild.id,
    guild_locale: guild.preferredLocale,
    member: interactionMember(member, world.permissionsIn(e.channelId, e.userId)),
  };
}

function interactionChannel(world: World, channel: ChannelState, userId: string): Json {
  if (channel.guildId === null) return { ...channel.json };
  return {
    ...withoutOverwrites(channel),
    permissions: world.permissionsIn(channel.json.id, userId).toString(),
  };
}

/** Interactions carry a channel's computed `permissions` instead of its overwrites. */
function withoutOverwrites(channel: ChannelState): Json {
  const copy: Json = { ...channel.json };
  delete copy.permission_overwrites;
  return copy;
}

/** The registered command a `'quiz daily set'` path names, guild commands first. */
export function findCommand(
  world: World,
  guildId: string | null,
  path: string,
): APIApplicationCommand {
  const [name] = path.trim().split(/\s+/);
  const guildCommands = guildId ? [...(world.guildCommands.get(guildId)?.values() ?? [])] : [];
  const command = [...guildCommands, ...world.globalCommands.values()].find(
    (c) => c.name === name && c.type === 1,
  );
  if (!command) {
    throw new DispatchError(
      `no chat-input command "${name}" is registered${guildId ? ` for guild ${guildId} or globally` : ' globally'}`,
    );
  }
  return command;
}

/**
 * `data` for a command interaction: subcommand group / subcommand nesting from the path, leaf
 * options typed from the schema, `resolved` for users, members, channels and roles.
 */
export function commandData(
  world: World,
  command: APIApplicationCommand,
  path: string,
  values: Record<string, OptionValue>,
  guildId: string | null,
  focused?: string,
): Json {
  const words = path.trim().split(/\s+/).slice(1);
  let schema = arr(command.options);
  const chain: Json[] = [];
  for (const word of words) {
    const nested = schema.find(
      (o) => o.name === word && (o.type === T.Subcommand || o.type === T.SubcommandGroup),
    );
    if (!nested) throw new DispatchError(`/${command.name}: no subcommand or group "${word}"`);
    chain.push(nested);
    schema = arr(nested.options);
  }
  if (schema.some((o) => o.type === T.Subcommand || o.type === T.SubcommandGroup)) {
    throw new DispatchError(
      `/${path}: Discord needs a subcommand here (${schema.map((o) => o.name).join(', ')})`,
    );
  }
  const resolved: Record<string, Json> = {};
  const leafOptions = typedOptions(world, schema, values, { guildId, resolved, focused });
  let options = leafOptions;
  for (const nested of [...chain].reverse()) {
    options = [{ name: nested.name, type: nested.type, options }];
  }
  return {
    id: command.id,
    name: command.name,
    type: command.type,
    ...(command.guild_id ? { guild_id: command.guild_id } : {}),
    ...(options.length > 0 ? { options } : {}),
    ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
  };
}

function typedOptions(
  world: World,
  schema: Json[],
  values: Record<string, OptionValue>,
  ctx: { guildId: string | null; resolved: Record<string, Json>; focused?: string | undefined },
): Json[] {
  for (const name of Object.keys(values)) {
    if (!schema.some((o) => o.name === name)) {
      throw new DispatchError(
        `unknown option "${name}"; the command has ${schema.map((o) => o.name).join(', ') || 'none'}`,
      );
    }
  }
  if (ctx.focused !== undefined) {
    const target = schema.find((o) => o.name === ctx.focused);
    if (!target?.autocomplete)
      throw new DispatchError(`option "${ctx.focused}" is not registered with autocomplete: true`);
  }
  const out: Json[] = [];
  for (const option of schema) {
    const name = String(option.name);
    if (!(name in values)) {
      if (option.required && ctx.focused === undefined)
        throw new DispatchError(`required option "${name}" is missing`);
      continue;
    }
    const raw = values[name]!;
    if (name === ctx.focused) {
      out.push({ name, type: option.type, value: String(raw), focused: true });
      continue;
    }
    out.push({ name, type: option.type, value: typedValue(world, option, raw, ctx) });
  }
  return out;
}

function typedValue(
  world: World,
  option: Json,
  raw: OptionValue,
  ctx: { guildId: string | null; resolved: Record<string, Json> },
): OptionValue {
  const name = String(option.name);
  const choices = arr(option.choices);
  if (choices.length > 0 && !choices.some((c) => c.value === raw)) {
    throw new DispatchError(`option "${name}": ${JSON.stringify(raw)} is not one of its choices`);
  }
  const add = (kind: string, id: string, value: unknown) => {
    ctx.resolved[kind] = { ...(ctx.resolved[kind] ?? {}), [id]: value };
  };
  switch (option.type) {
    case T.String: {
      const value = String(raw);
      const min = Number(option.min_length ?? 0);
      const max = Number(option.max_length ?? 6000);
      if (value.length < min || value.length > max)
        throw new DispatchError(`option "${name}": length must be ${min}–${max}`);
      return value;
    }
    case T.Integer:
    case T.Number: {
      const value = Number(raw);
      if (option.type === T.Integer && !Number.isInteger(value))
        throw new DispatchError(`option "${name}" must be an integer`);
      if (option.min_value !== undefined && value < Number(option.min_value))
        throw new DispatchError(`option "${name}" below min_value`);
      if (option.max_value !== undefined && value > Number(option.max_value))
        throw new DispatchError(`option "${name}" above max_value`);
      return value;
    }
    case T.Boolean:
      if (typeof raw !== 'boolean') throw new DispatchError(`option "${name}" must be a boolean`);
      return raw;
    case T.User: {
      const id = String(raw);
      const user = world.users.get(id);
      if (!user) throw new DispatchError(`option "${name}": unknown user ${id}`);
      add('users', id, user);
      const member = ctx.guildId ? world.guilds.get(ctx.guildId)?.members.get(id) : undefined;
      if (member) {
        const { user: _u, ...rest } = member;
        add('members', id, { ...rest, permissions: '0' });
      }
      return id;
    }
    case T.Channel: {
      const channel = world.requireChannel(String(raw));
      const permissions = world.permissionsIn(channel.json.id, world.bot.id).toString();
      add('channels', channel.json.id, { ...withoutOverwrites(channel), permissions });
      return channel.json.id;
    }
    case T.Role: {
      const role = ctx.guildId ? world.guilds.get(ctx.guildId)?.roles.get(String(raw)) : undefined;
      if (!role) throw new DispatchError(`option "${name}": unknown role ${String(raw)}`);
      add('roles', role.id, role);
      return role.id;
    }
    default:
      throw new DispatchError(
        `option "${name}": type ${String(option.type)} is not supported by the fake`,
      );
  }
}

/** The `data.components` of a modal submit, mirroring the layout of the modal that was shown. */
export function modalSubmitComponents(
  modal: Json,
  values: Record<string, string | string[]>,
): Json[] {
  const known = modalInputs(modal).map((input) => String(input.custom_id));
  for (const id of Object.keys(values)) {
    if (!known.includes(id)) {
      throw new DispatchError(`the modal has no field "${id}" (has ${known.join(', ')})`);
    }
  }
  return arr(modal.components).map((c): Json => {
    if (c.type === 1) {
      return { type: 1, id: c.id, components: arr(c.components).map((i) => submitted(i, values)) };
    }
    if (c.type === 18)
      return { type: 18, id: c.id, component: submitted(c.component as Json, values) };
    return { type: c.type, id: c.id };
  });
}

function submitted(input: Json, values: Record<string, string | string[]>): Json {
  const id = String(input.custom_id);
  const given = values[id];
  if (input.type !== 4) {
    const list = Array.isArray(given) ? given : given ? [given] : [];
    return { type: input.type, id: input.id, custom_id: id, values: list };
  }
  const value = typeof given === 'string' ? given : '';
  if (input.required !== false && value === '') {
    throw new DispatchError(`modal field "${id}" is required`);
  }
  const min = Number(input.min_length ?? 0);
  const max = Number(input.max_length ?? 4000);
  if (value !== '' && (value.length < min || value.length > max)) {
    throw new DispatchError(`modal field "${id}": length must be ${min}–${max}`);
  }
  return { type: 4, id: input.id, custom_id: id, value };
}
