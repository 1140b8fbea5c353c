/**
 * Checks shared by the view tests: each platform's limits verified from its own constants and
 * renderers (not from the layout's bookkeeping), and "nothing lost, nothing reordered".
 */
import { expect } from 'vitest';
import type {
  FlowPart,
  ImagePart,
  RenderedDocument,
  RenderedPart,
  Span,
} from '../../../src/core/views/document.js';
import type { Message } from '../../../src/core/views/layout.js';
import { partText } from '../../../src/core/views/spans.js';
import {
  DISCORD_MAX_ATTACHMENTS,
  DISCORD_MAX_EMBED_DESCRIPTION,
  DISCORD_MAX_EMBED_TITLE,
  DISCORD_MAX_EMBED_TOTAL,
  DISCORD_MAX_EMBEDS,
  discordTitle,
} from '../../../src/platforms/discord/limits.js';
import { discordDescription } from '../../../src/platforms/discord/markdown.js';
import {
  SLACK_MAX_BLOCKS,
  SLACK_MAX_BLOCKS_TEXT,
  SLACK_MAX_CONTEXT_TEXT,
  SLACK_MAX_HEADER_TEXT,
  SLACK_MAX_SECTION_TEXT,
  slackHeader,
} from '../../../src/platforms/slack/limits.js';
import { slackBlockText } from '../../../src/platforms/slack/mrkdwn.js';

/** Every Discord message: ≤ 10 embeds, ≤ 10 attachments, ≤ 4,096 per description, ≤ 6,000 in all. */
export function expectWithinDiscord(messages: readonly Message[]): void {
  for (const [i, m] of messages.entries()) {
    const where = `discord message ${i + 1}`;
    expect(m.boxes.length, where).toBeLessThanOrEqual(DISCORD_MAX_EMBEDS);
    expect(m.boxes.filter((b) => b.image).length, where).toBeLessThanOrEqual(
      DISCORD_MAX_ATTACHMENTS,
    );
    const descriptions = m.boxes.map(discordDescription);
    for (const d of descriptions)
      expect(d.length, where).toBeLessThanOrEqual(DISCORD_MAX_EMBED_DESCRIPTION);
    const title = m.title ? discordTitle(m.title) : '';
    expect(title.length).toBeLessThanOrEqual(DISCORD_MAX_EMBED_TITLE);
    const total = title.length + descriptions.reduce((n, d) => n + d.length, 0);
    expect(total, where).toBeLessThanOrEqual(DISCORD_MAX_EMBED_TOTAL);
    // Every embed must show something: a description or an image.
    for (const [j, b] of m.boxes.entries()) expect(descriptions[j] || b.image, where).toBeTruthy();
  }
}

/** Every Slack message: ≤ 50 blocks (header and actions included), section/context text limits, total budget. */
export function expectWithinSlack(messages: readonly Message[]): void {
  for (const [i, m] of messages.entries()) {
    const where = `slack message ${i + 1}`;
    const blocks = m.boxes.length + (m.title ? 1 : 0) + (m.buttons.length ? 1 : 0);
    expect(blocks, where).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
    let total = m.title ? slackHeader(m.title).length : 0;
    if (m.title) expect(slackHeader(m.title).length).toBeLessThanOrEqual(SLACK_MAX_HEADER_TEXT);
    for (const b of m.boxes) {
      if (b.image) {
        expect(b.flow, `${where}: an image block holds no text`).toEqual([]);
        total += b.image.label?.length ?? 0;
        continue;
      }
      const text = slackBlockText(b);
      const notes = b.flow.every((p) => p.type === 'text' && p.tone === 'note');
      expect(
        notes || b.flow.every((p) => !(p.type === 'text' && p.tone === 'note')),
        `${where}: notes mixed with text`,
      ).toBe(true);
      expect(text.length, where).toBeLessThanOrEqual(
        notes ? SLACK_MAX_CONTEXT_TEXT : SLACK_MAX_SECTION_TEXT,
      );
      expect(text.length, `${where}: empty block`).toBeGreaterThan(0);
      total += text.length;
    }
    expect(total, where).toBeLessThanOrEqual(SLACK_MAX_BLOCKS_TEXT);
  }
}

/** Parts of laid-out messages in reading order (an attached image after its box's text). */
export function laidParts(messages: readonly Message[]): RenderedPart[] {
  return messages.flatMap((m) =>
    m.boxes.flatMap((b): RenderedPart[] => [...b.flow, ...(b.image ? [b.image] : [])]),
  );
}

/** Text of a run of parts, pieces concatenated: equal for a document and its layout iff nothing was lost. */
export function textOf(parts: readonly RenderedPart[]): string {
  return parts.map(partText).join('');
}

/** Whole document and its layout: same text, same images in the same order, each exactly once. */
export function expectLossless(doc: RenderedDocument, messages: readonly Message[]): void {
  const laid = laidParts(messages);
  expect(textOf(laid)).toBe(textOf(doc.parts));
  const images = (parts: readonly RenderedPart[]) =>
    parts.filter((p): p is ImagePart => p.type === 'image');
  expect(images(laid)).toEqual(images(doc.parts));
  for (const image of images(doc.parts))
    expect(images(laid).filter((p) => p === image)).toHaveLength(1);
  // Flow parts keep their order: the i-th piece belongs to a document part at or after the last one's.
  const kinds = (parts: readonly RenderedPart[]) =>
    parts.map((p) =>
      p.type === 'image' ? `img:${p.name}` : `${p.type}:${p.type === 'text' ? p.tone : 'code'}`,
    );
  const squash = (xs: string[]) => xs.filter((x, i) => x !== xs[i - 1]);
  expect(squash(kinds(laid))).toEqual(squash(kinds(doc.parts)));
  expect(messages[0]?.title).toBe(doc.title);
  expect(messages.at(-1)?.buttons).toEqual(doc.buttons);
}

export const text = (
  value: string,
  tone: 'body' | 'quote' | 'note' = 'body',
  extra: Partial<Span> = {},
): FlowPart => ({
  type: 'text',
  tone,
  spans: [{ text: value, ...extra }],
});

export function doc(parts: RenderedPart[], title = 'T1 · test'): RenderedDocument {
  return { questionId: 'T1', title, parts, buttons: [{ action: 'rate' }] };
}
