/**
 * A slash command's text as Slack sends it (with "escape users" on): `<@U123|max>` for a person,
 * `<#C123|general>` for a channel, `<https://…|label>` for a link, and `&amp; &lt; &gt;`. People
 * become tokens the parser keeps whole, so a `user` option can become a player key afterwards.
 */
import type { SubcommandSpec } from '../../../commands/quiz.js';
import type { CommandOptions, CommandOptionValue } from '../../commands/handlers/types.js';
import type { OptionValue } from '../../commands/parse-text.js';

export interface Mention {
  user: string;
  name: string | undefined;
}

export interface SlackText {
  text: string;
  /** Token in `text` → the person it stands for. */
  mentions: ReadonlyMap<string, Mention>;
}

export function readSlackText(raw: string): SlackText {
  const mentions = new Map<string, Mention>();
  const text = raw
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, user: string, name?: string) => {
      const token = `@${user}`;
      mentions.set(token, { user, name: name || undefined });
      return token;
    })
    .replace(/<#[CG][A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<(?:mailto:)?([^|>]+)\|([^>]*)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return { text, mentions };
}

/** `user` options named by a mention become `{ player, name }`; anything else stays text (and is refused). */
export async function withPeople(
  subcommand: SubcommandSpec,
  options: Readonly<Record<string, OptionValue>>,
  mentions: ReadonlyMap<string, Mention>,
  person: (mention: Mention) => Promise<{ player: string; name: string }>,
): Promise<CommandOptions> {
  const users = new Set(subcommand.options.filter((o) => o.type === 'user').map((o) => o.name));
  const entries = await Promise.all(
    Object.entries(options).map(async ([name, value]): Promise<[string, CommandOptionValue]> => {
      const mention = typeof value === 'string' ? mentions.get(value) : undefined;
      return users.has(name) && mention ? [name, await person(mention)] : [name, value];
    }),
  );
  return Object.fromEntries(entries);
}
