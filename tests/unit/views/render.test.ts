/** `renderDocument`: parallel, deduplicated rendering and the fallback for formulas that fail. */
import { describe, expect, it } from 'vitest';
import type { DocPart, QuestionDocument } from '../../../src/core/views/document.js';
import { layoutDocument } from '../../../src/core/views/layout.js';
import { renderDocument } from '../../../src/core/views/render.js';
import { discordLayoutLimits } from '../../../src/platforms/discord/limits.js';
import { discordDescription } from '../../../src/platforms/discord/markdown.js';
import { slackLayoutLimits } from '../../../src/platforms/slack/limits.js';
import { FakeRenderer } from './fake-renderer.js';
import { expectLossless, expectWithinDiscord, expectWithinSlack } from './helpers.js';

const formula = (tex: string, display: boolean, label: string | null = null): DocPart => ({
  type: 'formula',
  tex,
  display,
  label,
});

function docOf(parts: DocPart[]): QuestionDocument {
  return { questionId: 'T1', title: 'T1 · test', parts, buttons: [] };
}

describe('renderDocument', () => {
  it('renders each distinct formula once, all in parallel, and keeps every occurrence', async () => {
    const renderer = new FakeRenderer();
    const doc = docOf([
      formula('a^2', true),
      formula('b^2', true),
      formula('a^2', true),
      formula('a^2', false, '⟨1⟩'),
    ]);
    const out = await renderDocument(doc, renderer);
    expect(renderer.calls).toEqual([
      { tex: 'a^2', display: true },
      { tex: 'b^2', display: true },
      { tex: 'a^2', display: false },
    ]);
    expect(renderer.maxInFlight).toBe(3);
    expect(out.parts.map((p) => (p.type === 'image' ? [p.name, p.alt, p.label] : p.type))).toEqual([
      ['formula-1.png', 'a^2', null],
      ['formula-2.png', 'b^2', null],
      ['formula-1.png', 'a^2', null],
      ['formula-3.png', 'a^2', '⟨1⟩'],
    ]);
    const first = out.parts[0]!;
    expect(
      first.type === 'image' &&
        first.source.kind === 'png' &&
        Buffer.from(first.source.png).subarray(1, 4).toString(),
    ).toBe('PNG');
  });

  it('shows a formula that fails as its TeX in a code part after a note, and lays that out', async () => {
    const doc = docOf([
      { type: 'text', tone: 'body', spans: [{ text: '见 ⟨1⟩' }] },
      formula('\\fail{x}', false, '⟨1⟩'),
      formula('\\fail \\frac{1}{2}', true),
    ]);
    const out = await renderDocument(doc, new FakeRenderer());
    expect(out.parts.slice(1)).toEqual([
      {
        type: 'text',
        tone: 'note',
        note: 'formula-failed',
        spans: [
          {
            text: 'Formula ⟨1⟩ could not be drawn (tex-error: Undefined control sequence \\fail); its TeX source:',
          },
        ],
      },
      { type: 'code', lang: 'latex', code: '\\fail{x}' },
      {
        type: 'text',
        tone: 'note',
        note: 'formula-failed',
        spans: [
          {
            text: 'This formula could not be drawn (tex-error: Undefined control sequence \\fail); its TeX source:',
          },
        ],
      },
      { type: 'code', lang: 'latex', code: '\\fail \\frac{1}{2}' },
    ]);
    const messages = layoutDocument(out, discordLayoutLimits);
    expectWithinDiscord(messages);
    expectLossless(out, messages);
    expect(discordDescription(messages[0]!.boxes[0]!)).toContain('```latex\n\\fail{x}\n```');
    expectWithinSlack(layoutDocument(out, slackLayoutLimits));
  });

  it('survives a renderer that throws (the port forbids it) as an internal failure', async () => {
    const out = await renderDocument(docOf([formula('\\throw', true)]), new FakeRenderer());
    expect(out.parts[0]).toMatchObject({
      note: 'formula-failed',
      spans: [{ text: expect.stringContaining('internal: renderer exploded') }],
    });
    expect(out.parts[1]).toEqual({ type: 'code', lang: 'latex', code: '\\throw' });
  });

  it('keeps spoilers on rendered images and fallbacks, and names figures by their file type', async () => {
    const doc = docOf([
      { type: 'formula', tex: 'x', display: true, label: null, spoiler: true },
      { type: 'formula', tex: '\\fail', display: true, label: null, spoiler: true },
      { type: 'figure', path: '/bank/assets/net.JPG', alt: '网络' },
    ]);
    const out = await renderDocument(doc, new FakeRenderer());
    expect(out.parts.map((p) => p.spoiler ?? false)).toEqual([true, true, true, false]);
    expect(out.parts[3]).toMatchObject({
      type: 'image',
      kind: 'figure',
      name: 'figure-1.jpg',
      source: { kind: 'file', path: '/bank/assets/net.JPG' },
    });
  });
});
