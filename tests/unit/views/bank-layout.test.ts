/**
 * The whole default bank through build → render (fake renderer) → layout on both platforms:
 * within every limit, nothing lost, the longest question in the fewest messages possible.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/bank/load.js';
import type { Bank, Question } from '../../../src/core/bank/model.js';
import { formulasOf } from '../../../src/core/bank/walk.js';
import { buildQuestionDocument } from '../../../src/core/views/build.js';
import type { RenderedDocument } from '../../../src/core/views/document.js';
import { layoutDocument, type LayoutLimits } from '../../../src/core/views/layout.js';
import { renderDocument } from '../../../src/core/views/render.js';
import { discordLayoutLimits } from '../../../src/platforms/discord/limits.js';
import { discordDescription } from '../../../src/platforms/discord/markdown.js';
import { slackLayoutLimits } from '../../../src/platforms/slack/limits.js';
import { slackBlockText } from '../../../src/platforms/slack/mrkdwn.js';
import { FakeRenderer } from './fake-renderer.js';
import { expectLossless, expectWithinDiscord, expectWithinSlack } from './helpers.js';

let bank: Bank;
const rendered = new Map<string, RenderedDocument>();

beforeAll(async () => {
  bank = await loadBank('data/questions.md');
  for (const q of bank.questions) {
    for (const withAnswer of [true, false]) {
      const doc = buildQuestionDocument(q, { withAnswer });
      rendered.set(`${q.id}:${withAnswer}`, await renderDocument(doc, new FakeRenderer()));
    }
  }
});

/**
 * The fewest messages any layout could use. Rendered characters: each part alone costs what the
 * platform renders for it, and cutting a part can only save the whitespace at the cut (at most
 * one cut per box), so M messages hold at most M × budget + cuts × longest whitespace run.
 * Images: per-message cap. Boxes: every image needs a box (an embed on Discord, a block on Slack).
 */
function lowerBound(doc: RenderedDocument, limits: LayoutLimits): number {
  const render = limits === discordLayoutLimits ? discordDescription : slackBlockText;
  const images = doc.parts.filter((p) => p.type === 'image');
  const title = limits.titleCost(doc.title);
  const rendered = doc.parts.flatMap((p) =>
    p.type === 'image' ? [] : [render({ flow: [p], image: null })],
  );
  const chars = title.chars + rendered.reduce((n, r) => n + r.length, 0);
  const longestGap = Math.max(
    0,
    ...rendered.flatMap((r) => (r.match(/\s+/g) ?? []).map((g) => g.length)),
  );
  const boxes = title.boxes + images.length;
  let byChars = 1;
  while (chars - byChars * limits.maxBoxes * longestGap > byChars * limits.maxMessageChars)
    byChars++;
  return Math.max(
    byChars,
    Math.ceil(images.length / limits.maxImages),
    Math.ceil(boxes / limits.maxBoxes),
  );
}

function nasQuestion(): Question {
  const q = bank.questions.find((x) => x.title === 'NAS 前沿工作');
  if (!q) throw new Error('the bank has no "NAS 前沿工作"');
  return q;
}

describe('every question in the bank', () => {
  it('builds a document and lays out within Discord and Slack limits with nothing lost', () => {
    expect(bank.questions).toHaveLength(47);
    for (const q of bank.questions) {
      for (const withAnswer of [true, false]) {
        const doc = rendered.get(`${q.id}:${withAnswer}`)!;
        for (const [limits, expectWithin] of [
          [discordLayoutLimits, expectWithinDiscord],
          [slackLayoutLimits, expectWithinSlack],
        ] as const) {
          const messages = layoutDocument(doc, limits);
          expectWithin(messages);
          expectLossless(doc, messages);
        }
      }
    }
  });

  it('shows every formula: as Unicode in the text or as exactly one image (or failure note) in order', () => {
    for (const q of bank.questions) {
      const doc = rendered.get(`${q.id}:true`)!;
      const formulas = formulasOf([...q.lead, ...q.answer]);
      const images = doc.parts.filter((p) => p.type === 'image' && p.kind === 'formula');
      const display = formulas.filter((f) => f.display).length;
      const labels = images
        .filter((p) => p.type === 'image' && p.label)
        .map((p) => (p.type === 'image' ? p.label : ''));
      expect(images.length - labels.length, q.id).toBe(display);
      expect(labels, q.id).toEqual(labels.map((_, i) => `⟨${i + 1}⟩`));
    }
  });

  it('leaves no TeX dollar signs and no broken figure links in the text', () => {
    for (const q of bank.questions) {
      const doc = rendered.get(`${q.id}:true`)!;
      for (const p of doc.parts) {
        if (p.type !== 'text') continue;
        const visible = p.spans
          .filter((s) => !s.code)
          .map((s) => s.text)
          .join('');
        expect(visible, q.id).not.toMatch(/\$[^$\s][^$]*\$/);
        expect(visible, q.id).not.toMatch(/!\[[^\]]*\]\(/);
      }
    }
  });

  it('notes incomplete questions and questions without an answer', () => {
    for (const q of bank.questions) {
      const doc = rendered.get(`${q.id}:true`)!;
      const notes = doc.parts.flatMap((p) => (p.type === 'text' && p.note ? [p.note] : []));
      expect(notes.includes('incomplete'), q.id).toBe(!q.complete);
      expect(notes.includes('no-answer'), q.id).toBe(q.answer.length === 0);
    }
  });
});

describe('the longest question (NAS 前沿工作)', () => {
  it('is about 7,000 characters and has an unnumbered Q-xxxxxx id', () => {
    const q = nasQuestion();
    expect(q.id).toMatch(/^Q-[0-9a-f]{6}$/);
    expect(q.text.length).toBeGreaterThan(6000);
  });

  for (const [name, limits, expectWithin] of [
    ['Discord', discordLayoutLimits, expectWithinDiscord],
    ['Slack', slackLayoutLimits, expectWithinSlack],
  ] as const) {
    it(`comes out whole, in order, in the minimum number of messages on ${name}`, () => {
      const doc = rendered.get(`${nasQuestion().id}:true`)!;
      const messages = layoutDocument(doc, limits);
      expectWithin(messages);
      expectLossless(doc, messages);
      expect(messages.length).toBe(lowerBound(doc, limits));
    });
  }

  it('needs more than one Discord message: its text alone is over 6,000 characters', () => {
    const doc = rendered.get(`${nasQuestion().id}:true`)!;
    expect(lowerBound(doc, discordLayoutLimits)).toBe(2);
    expect(layoutDocument(doc, slackLayoutLimits)).toHaveLength(1);
  });
});

describe('Q22, the most formula-heavy question', () => {
  it('fits one message on each platform, inline formulas mostly as Unicode', () => {
    const doc = rendered.get('Q22:true')!;
    expect(layoutDocument(doc, discordLayoutLimits)).toHaveLength(1);
    expect(layoutDocument(doc, slackLayoutLimits)).toHaveLength(1);
    const body = doc.parts
      .map((p) => (p.type === 'text' ? p.spans.map((s) => s.text).join('') : ''))
      .join('');
    expect(body).toContain('ŷ = σ(wᵀx + b)');
  });
});
