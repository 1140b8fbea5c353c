/**
 * The `/quiz` spec as Discord's application command: subcommands and groups, option types,
 * required flags, autocomplete, choices, integer ranges, and zh-CN text for every description and
 * choice name.
 *
 * Names stay as the spec spells them in every language (no `name_localizations` on the command or
 * its options): help, examples, the README and Slack all say `/quiz daily set`, and a zh-CN reader
 * typing `/quiz` should find the same command as everyone else. Choice names, which people read
 * rather than type, are localized.
 *
 * No `default_member_permissions`: Discord applies it to a whole top-level command only, and
 * `/quiz` mixes admin subcommands (`daily set`) with everyone's (`daily status`, `show`). Admin
 * subcommands are checked on the server instead (Manage Server, see `interactions/who.ts`).
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type APIApplicationCommandSubcommandGroupOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import {
  type CommandSpec,
  type GroupSpec,
  isGroup,
  type Localized,
  type OptionSpec,
  type SubcommandSpec,
} from '../../../../commands/quiz.js';

export type CommandBody = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Discord's locale key for each of the spec's non-default languages. */
const ZH_CN = 'zh-CN';

export function toDiscordCommand(spec: CommandSpec): CommandBody {
  return {
    type: ApplicationCommandType.ChatInput,
    name: spec.name,
    ...described(spec.description),
    default_member_permissions: null,
    // Servers, and a person's DM with the bot (drill cards arrive there).
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    nsfw: false,
    options: spec.subcommands.map((entry) => (isGroup(entry) ? group(entry) : subcommand(entry))),
  };
}

function described(text: Localized) {
  return { description: text.en, description_localizations: { [ZH_CN]: text[ZH_CN] } };
}

function group(spec: GroupSpec): APIApplicationCommandSubcommandGroupOption {
  return {
    type: ApplicationCommandOptionType.SubcommandGroup,
    name: spec.name,
    ...described(spec.description),
    options: spec.subcommands.map(subcommand),
  };
}

function subcommand(spec: SubcommandSpec): APIApplicationCommandSubcommandOption {
  // Discord wants required options first; the spec keeps its own order otherwise.
  const options = [
    ...spec.options.filter((o) => o.required),
    ...spec.options.filter((o) => !o.required),
  ];
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: spec.name,
    ...described(spec.description),
    options: options.map(option),
  };
}

const OPTION_TYPE = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
  user: ApplicationCommandOptionType.User,
} as const;

function option(spec: OptionSpec): APIApplicationCommandBasicOption {
  const base = {
    name: spec.name,
    ...described(spec.description),
    ...(spec.required ? { required: true } : {}),
  };
  switch (spec.type) {
    case 'string':
      // Discord takes autocomplete or fixed choices on an option, never both.
      if (spec.autocomplete) return { ...base, type: OPTION_TYPE.string, autocomplete: true };
      return {
        ...base,
        type: OPTION_TYPE.string,
        ...(spec.choices
          ? {
              choices: spec.choices.map((c) => ({
                name: c.name.en,
                name_localizations: { [ZH_CN]: c.name[ZH_CN] },
                value: c.value,
              })),
            }
          : {}),
      };
    case 'integer':
      return {
        ...base,
        type: OPTION_TYPE.integer,
        ...(spec.min === undefined ? {} : { min_value: spec.min }),
        ...(spec.max === undefined ? {} : { max_value: spec.max }),
      };
    case 'boolean':
      return { ...base, type: OPTION_TYPE.boolean };
    case 'user':
      return { ...base, type: OPTION_TYPE.user };
  }
}
