/**
 * Discord's message limits (https://discord.com/developers/docs/resources/message#create-message,
 * …/resources/message#embed-object-embed-limits) and how quizbot lays a question out within them.
 *
 * How a question uses a Discord message: everything goes in embeds, `content` stays empty.
 * - An embed description holds 4,096 characters against `content`'s 2,000, and a message's
 *   embeds together hold 6,000, three times what content can.
 * - An embed shows one image (`attachment://formula-3.png`) under its description, so text and
 *   pictures keep their order: each image closes the embed it follows and the next text starts a
 *   new embed. Plain attachments would pile up as a gallery after all the text instead.
 * - The first embed carries the title; buttons are components, outside the embeds.
 */
import type { BoxKind, LayoutLimits } from '../../core/views/layout.js';
import { discordDescription } from './markdown.js';

export const DISCORD_MAX_CONTENT = 2000;
export const DISCORD_MAX_EMBED_DESCRIPTION = 4096;
export const DISCORD_MAX_EMBED_TITLE = 256;
export const DISCORD_MAX_EMBED_FOOTER = 2048;
/** Title, description, fields, footer and author of all a message's embeds, together. */
export const DISCORD_MAX_EMBED_TOTAL = 6000;
export const DISCORD_MAX_EMBEDS = 10;
export const DISCORD_MAX_ATTACHMENTS = 10;
/** An attachment's `description`, which Discord uses as the image's alt text. */
export const DISCORD_MAX_ATTACHMENT_DESCRIPTION = 1024;
/** Action rows a message may carry, and buttons in a row. */
export const DISCORD_MAX_ACTION_ROWS = 5;
export const DISCORD_MAX_BUTTONS_PER_ROW = 5;

/** A component's or modal's `custom_id`. */
export const DISCORD_MAX_CUSTOM_ID = 100;
/** A button's label. */
export const DISCORD_MAX_BUTTON_LABEL = 80;
/** A message `nonce` (a string of at most 25 characters, or an integer). */
export const DISCORD_MAX_NONCE = 25;
/** A thread's name. */
export const DISCORD_MAX_THREAD_NAME = 100;
/** Autocomplete: choices in one answer, and the characters of a choice's name and value. */
export const DISCORD_MAX_CHOICES = 25;
export const DISCORD_MAX_CHOICE_NAME = 100;
export const DISCORD_MAX_CHOICE_VALUE = 100;
/** A modal's title and a text input's label. */
export const DISCORD_MAX_MODAL_TITLE = 45;
export const DISCORD_MAX_INPUT_LABEL = 45;
/** An interaction must be answered (or deferred) this soon after it was created, or it fails. */
export const DISCORD_INTERACTION_DEADLINE_MS = 3000;

/** Text cut to `max` characters with an ellipsis, never splitting a surrogate pair. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** A title longer than Discord allows is cut to fit, with an ellipsis. */
export function discordTitle(title: string): string {
  return title.length <= DISCORD_MAX_EMBED_TITLE
    ? title
    : `${title.slice(0, DISCORD_MAX_EMBED_TITLE - 1)}…`;
}

/** Image alt text (a formula's TeX) cut to Discord's limit. */
export function discordAltText(alt: string): string {
  return alt.length <= DISCORD_MAX_ATTACHMENT_DESCRIPTION
    ? alt
    : `${alt.slice(0, DISCORD_MAX_ATTACHMENT_DESCRIPTION - 1)}…`;
}

/**
 * Discord's limits for `layoutDocument`: one box is one embed. Lengths are UTF-16 code units
 * (`string.length`), never fewer than the characters Discord counts, so the check errs safe.
 */
export const discordLayoutLimits: LayoutLimits = {
  maxBoxes: DISCORD_MAX_EMBEDS,
  maxImages: DISCORD_MAX_ATTACHMENTS,
  maxMessageChars: DISCORD_MAX_EMBED_TOTAL,
  maxBoxChars: (_kind: BoxKind) => DISCORD_MAX_EMBED_DESCRIPTION,
  measure: (box) => discordDescription(box).length,
  imagePlacement: 'attach',
  notesShareBox: true,
  // The title rides in the first embed: characters, no box of its own.
  titleCost: (title) => ({ boxes: 0, chars: discordTitle(title).length }),
  buttonBoxes: 0,
};
