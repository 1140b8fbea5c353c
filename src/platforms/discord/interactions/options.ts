/**
 * A slash command's path and options as the shared command layer takes them: the subcommand's
 * spec says which options exist and their types; a `user` option becomes a player key with the
 * person's display name (only adapters make player keys).
 */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  GuildMember,
} from 'discord.js';
import type { OptionSpec } from '../../../../commands/quiz.js';
import type { CommandOptionValue, CommandOptions } from '../../../commands/handlers/types.js';
import type { Leaf } from '../../../commands/spec.js';
import { userKey } from '../ids.js';

/** `['daily', 'set']` for `/quiz daily set`. */
export function pathOf(
  interaction: ChatInputCommandInteraction | AutocompleteInteraction,
): string[] {
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(false);
  return [group, sub].filter((part): part is string => Boolean(part));
}

export function optionsOf(interaction: ChatInputCommandInteraction, leaf: Leaf): CommandOptions {
  const out: Record<string, CommandOptionValue> = {};
  for (const spec of leaf.spec.options) {
    const value = read(interaction, spec);
    if (value !== null && value !== undefined) out[spec.name] = value;
  }
  return out;
}

function read(
  interaction: ChatInputCommandInteraction,
  spec: OptionSpec,
): CommandOptionValue | null | undefined {
  const { options } = interaction;
  switch (spec.type) {
    case 'string':
      return options.getString(spec.name);
    case 'integer':
      return options.getInteger(spec.name);
    case 'boolean':
      return options.getBoolean(spec.name);
    case 'user': {
      const user = options.getUser(spec.name);
      if (!user) return null;
      const member = options.getMember(spec.name);
      const name =
        member instanceof GuildMember ? member.displayName : (member?.nick ?? user.displayName);
      return { player: userKey(user.id), name };
    }
  }
}
