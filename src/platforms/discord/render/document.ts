/**
 * A question as Discord messages: core builds the message document, renders its formulas and
 * lays it out within `discordLayoutLimits`; here each laid-out box becomes an embed whose image
 * (a formula PNG or a figure) is the attachment it names, with the TeX or alt text as the
 * attachment's description (Discord's alt text). Buttons, if any, go on the last message.
 */
import type { APIEmbed, AttachmentPayload } from 'discord.js';
import type { Question } from '../../../core/bank/model.js';
import type { FormulaRenderer } from '../../../core/ports.js';
import { buildQuestionDocument } from '../../../core/views/build.js';
import type { ImagePart } from '../../../core/views/document.js';
import { layoutDocument, type Message } from '../../../core/views/layout.js';
import { renderDocument } from '../../../core/views/render.js';
import { discordAltText, discordLayoutLimits, discordTitle } from '../limits.js';
import { discordDescription } from '../markdown.js';
import { buttonRows, type ButtonSpec } from './components.js';
import { type DiscordMessage, NO_MENTIONS } from './message.js';

export interface QuestionMessagesOptions {
  withAnswer: boolean;
  formulas: FormulaRenderer;
  color: number;
  /** Text above the first message's embeds (a header, a recap). */
  content?: string;
  buttons?: readonly ButtonSpec[];
}

/** The question's messages, in order; there is always at least one. */
export async function questionMessages(
  question: Question,
  options: QuestionMessagesOptions,
): Promise<DiscordMessage[]> {
  const doc = buildQuestionDocument(question, { withAnswer: options.withAnswer });
  const rendered = await renderDocument({ ...doc, buttons: [] }, options.formulas);
  const laidOut = layoutDocument(rendered, discordLayoutLimits);
  return laidOut.map((message, i) => ({
    ...(i === 0 && options.content ? { content: options.content } : {}),
    ...embedsOf(message, options.color),
    components: i === laidOut.length - 1 ? buttonRows(options.buttons ?? []) : [],
    allowedMentions: NO_MENTIONS,
  }));
}

function embedsOf(
  message: Message,
  color: number,
): { embeds: APIEmbed[]; files: AttachmentPayload[] } {
  const embeds: APIEmbed[] = message.boxes.map((box, i) => {
    const description = discordDescription(box);
    return {
      color,
      ...(i === 0 && message.title ? { title: discordTitle(message.title) } : {}),
      ...(description ? { description } : {}),
      ...(box.image ? { image: { url: `attachment://${box.image.name}` } } : {}),
    };
  });
  // A document with nothing but a title (a question shown without its answer) still needs a card.
  if (embeds.length === 0 && message.title)
    embeds.push({ color, title: discordTitle(message.title) });
  // A formula used twice is one attachment that both embeds name.
  const images = new Map<string, ImagePart>();
  for (const box of message.boxes) if (box.image) images.set(box.image.name, box.image);
  return { embeds, files: [...images.values()].map(attachmentOf) };
}

function attachmentOf(image: ImagePart): AttachmentPayload {
  const { source } = image;
  return {
    attachment: source.kind === 'png' ? Buffer.from(source.png) : source.path,
    name: image.name,
    ...(image.alt ? { description: discordAltText(image.alt) } : {}),
  };
}
