/**
 * A rendered question document as Slack messages: laid out to Slack's limits by core's layout
 * (a header block for the title, a section per run of text and code, a context block per note,
 * an image block per picture), with the bot's own blocks added above the first message's content
 * and below the last one's. Every picture is uploaded first and shown by `slack_file` id.
 */
import { readFile } from 'node:fs/promises';
import type { RenderedDocument } from '../../../core/views/document.js';
import { type LayoutLimits, type MessageBox, layoutDocument } from '../../../core/views/layout.js';
import { isNote } from '../../../core/views/spans.js';
import type { ImageUploader, UploadImage } from '../images.js';
import { slackLayoutLimits } from '../limits.js';
import { escapeSlack, slackBlockText } from '../mrkdwn.js';
import { type Block, type SlackMessage, context, header, image, section } from './kit.js';

export interface DocumentOptions {
  images: ImageUploader;
  /** Blocks between the title and the content of the first message (a daily post's date line). */
  top?: Block[];
  /** Blocks after the content of the last message (a hint, the buttons). */
  bottom?: Block[];
  /** The notification text of the first message; default the document's title. */
  text?: string;
  /** Prefix of uploaded file names (`Q22-formula-1.png`). */
  filePrefix: string;
  /** Label of a picture shown as text because its upload failed. */
  imageAsText: string;
}

/** The document as one or more messages, in reading order. */
export async function documentMessages(
  doc: RenderedDocument,
  options: DocumentOptions,
): Promise<SlackMessage[]> {
  const top = options.top ?? [];
  const bottom = options.bottom ?? [];
  const limits: LayoutLimits = {
    ...slackLayoutLimits,
    titleCost: (title) => {
      const base = slackLayoutLimits.titleCost(title);
      return { boxes: base.boxes + top.length, chars: base.chars + charsOf(top) };
    },
    buttonBoxes: bottom.length,
  };
  // The layout only needs to know whether the last message must keep room for bottom blocks.
  const laid = layoutDocument(
    { ...doc, buttons: bottom.length ? [{ action: 'rate' }] : [] },
    limits,
  );
  const boxes = laid.flatMap((m) => m.boxes);
  const ids = await uploadAll(boxes, options);
  const fileOf = new Map(boxes.map((box, i) => [box, ids[i] ?? null]));
  const text = options.text ?? doc.title;
  return laid.map((message, i) => {
    const blocks: Block[] = [];
    if (message.title !== null) blocks.push(header(message.title), ...top);
    for (const box of message.boxes) blocks.push(boxBlock(box, fileOf.get(box) ?? null, options));
    if (i === laid.length - 1) blocks.push(...bottom);
    return { text: laid.length > 1 ? `${text} (${i + 1}/${laid.length})` : text, blocks };
  });
}

function boxBlock(box: MessageBox, fileId: string | null, options: DocumentOptions): Block {
  if (box.image) {
    if (fileId) return image(fileId, box.image.alt, box.image.label);
    const label = [options.imageAsText, box.image.label].filter(Boolean).join(' ');
    return context(`${label}: \`${escapeSlack(box.image.alt.replace(/`/g, 'ˋ'))}\``);
  }
  const text = slackBlockText(box);
  return box.flow.every(isNote) ? context(text) : section(text);
}

/** Uploads every picture of the boxes at once; a file id (or null) per box, in order. */
async function uploadAll(
  boxes: readonly MessageBox[],
  options: DocumentOptions,
): Promise<(string | null)[]> {
  const wanted: { index: number; image: UploadImage }[] = [];
  for (const [index, box] of boxes.entries()) {
    const part = box.image;
    if (!part) continue;
    const png =
      part.source.kind === 'png'
        ? part.source.png
        : await readFile(part.source.path).catch(() => null);
    if (png) {
      wanted.push({
        index,
        image: { name: `${options.filePrefix}-${part.name}`, png, alt: part.alt },
      });
    }
  }
  const ids = wanted.length ? await options.images.upload(wanted.map((w) => w.image)) : [];
  const out: (string | null)[] = boxes.map(() => null);
  wanted.forEach((w, i) => (out[w.index] = ids[i] ?? null));
  return out;
}

function charsOf(blocks: readonly Block[]): number {
  return blocks.reduce((n, block) => n + JSON.stringify(block).length, 0);
}
