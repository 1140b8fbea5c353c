/**
 * One Discord message as the renderers build it: plain data (discord.js accepts it as is), so a
 * reply, a follow-up, an edit and a channel post all send the same thing, and tests can read it.
 */
import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  AttachmentPayload,
  MessageMentionOptions,
} from 'discord.js';

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  files: AttachmentPayload[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Always none: names in boards and notices must never ping anyone. */
  allowedMentions: MessageMentionOptions;
}

export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

/** A message with only text. */
export const textMessage = (content: string): DiscordMessage => ({
  content,
  embeds: [],
  files: [],
  components: [],
  allowedMentions: NO_MENTIONS,
});

/** Accent colours of the bot's embeds. */
export const COLOR = {
  question: 0x4f46e5,
  answer: 0x16a34a,
  board: 0xf59e0b,
  info: 0x64748b,
} as const;
