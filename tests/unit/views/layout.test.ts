/** Splitting against each platform limit, on documents made to hit exactly one limit each. */
import { describe, expect, it } from 'vitest';
import type {
  CodePart,
  ImagePart,
  RenderedPart,
  TextPart,
} from '../../../src/core/views/document.js';
import { layoutDocument, LayoutLimitError } from '../../../src/core/views/layout.js';
import { partText } from '../../../src/core/views/spans.js';
import {
  DISCORD_MAX_EMBED_DESCRIPTION,
  discordLayoutLimits,
} from '../../../src/platforms/discord/limits.js';
import { discordDescription } from '../../../src/platforms/discord/markdown.js';
import { SLACK_MAX_SECTION_TEXT, slackLayoutLimits } from '../../../src/platforms/slack/limits.js';
import { slackBlockText } from '../../../src/platforms/slack/mrkdwn.js';
import { tinyPng } from './fake-renderer.js';
import {
  doc,
  expectLossless,
  expectWithinDiscord,
  expectWithinSlack,
  laidParts,
  text,
} from './helpers.js';

/** Chinese prose of about `chars` characters, sentences of ~40 characters ending in 。 */
function prose(chars: number, seed = 0): string {
  const words = [
    '梯度',
    '下降',
    '网络',
    '结构',
    '参数',
    '共享',
    '搜索',
    '空间',
    'ENAS',
    'DARTS',
    '权重',
    '优化',
  ];
  let out = '';
  for (let i = seed; out.length < chars; i++) {
    out += words[i % words.length]!;
    out += i % 9 === 8 ? '。' : i % 4 === 3 ? '，' : ' ';
  }
  return out.slice(0, chars - 1) + '。';
}

function image(n: number, label: string | null = null): ImagePart {
  return {
    type: 'image',
    kind: 'formula',
    name: `formula-${n}.png`,
    alt: `x_{${n}}`,
    label,
    source: { kind: 'png', png: tinyPng(40, 20), width: 40, height: 20, scale: 2 },
  };
}

function code(lines: number, width = 60): CodePart {
  const body = Array.from(
    { length: lines },
    (_, i) => `x${i} = compute(${'a'.repeat(width - 20)}, ${i})`,
  ).join('\n');
  return { type: 'code', lang: 'python', code: `${body}\n` };
}

const both = [
  ['Discord', discordLayoutLimits, expectWithinDiscord],
  ['Slack', slackLayoutLimits, expectWithinSlack],
] as const;

describe('a 5,000-character paragraph', () => {
  const paragraph = text(prose(5000));
  for (const [name, limits, expectWithin] of both) {
    it(`is cut at a sentence end into boxes that fit ${name}`, () => {
      const d = doc([paragraph]);
      const messages = layoutDocument(d, limits);
      expectWithin(messages);
      expectLossless(d, messages);
      expect(messages).toHaveLength(1);
      const pieces = laidParts(messages) as TextPart[];
      expect(pieces).toHaveLength(2);
      expect(partText(pieces[0]!)).toMatch(/。$/);
    });
  }

  it('prefers paragraph breaks when they keep at least half the room', () => {
    const paragraphs = [prose(1400, 1), prose(1400, 2), prose(1400, 3)].join('\n\n');
    const d = doc([text(paragraphs)]);
    const messages = layoutDocument(d, slackLayoutLimits);
    expectLossless(d, messages);
    const pieces = laidParts(messages).map(partText);
    expect(pieces).toHaveLength(2);
    expect(pieces[0]).toMatch(/。\n\n$/);
    expect(pieces[0]!.length).toBe(2 * (1400 + 2));
  });

  it('is cut by Discord at 4,096 characters per embed, measured after escaping', () => {
    // Every `*` costs two characters once escaped; the layout must count the escaped length.
    const starry = text('a*b '.repeat(1500));
    const d = doc([starry]);
    const messages = layoutDocument(d, discordLayoutLimits);
    expectWithinDiscord(messages);
    expectLossless(d, messages);
    const lengths = messages.flatMap((m) => m.boxes.map((b) => discordDescription(b).length));
    expect(Math.max(...lengths)).toBeLessThanOrEqual(DISCORD_MAX_EMBED_DESCRIPTION);
    expect(lengths.length).toBeGreaterThan(1);
  });
});

describe('a 3,500-character code block', () => {
  const block = code(60);

  it('stays whole in one Discord embed (4,096)', () => {
    expect(block.code.length).toBeGreaterThan(3500);
    expect(block.code.length).toBeLessThan(3700);
    const d = doc([block]);
    const messages = layoutDocument(d, discordLayoutLimits);
    expectWithinDiscord(messages);
    expect(laidParts(messages)).toEqual([block]);
  });

  it('is cut between lines on Slack (3,000 a section) and each piece fenced again', () => {
    const d = doc([block]);
    const messages = layoutDocument(d, slackLayoutLimits);
    expectWithinSlack(messages);
    expectLossless(d, messages);
    const pieces = laidParts(messages) as CodePart[];
    expect(pieces).toHaveLength(2);
    expect(pieces[0]!.code).toMatch(/\n$/);
    expect(pieces[0]!.continued).toBeUndefined();
    expect(pieces[1]!.continued).toBe(true);
    for (const m of messages) {
      for (const b of m.boxes) {
        const t = slackBlockText(b);
        expect(t.length).toBeLessThanOrEqual(SLACK_MAX_SECTION_TEXT);
        expect(t).toMatch(/^```\n[\s\S]*\n```$/);
      }
    }
  });

  it('is moved whole to the next box rather than cut when it fits one', () => {
    const d = doc([text(prose(2000)), code(30)]);
    const messages = layoutDocument(d, discordLayoutLimits);
    expectWithinDiscord(messages);
    expect(laidParts(messages).filter((p) => p.type === 'code')).toHaveLength(1);
  });

  it('is cut inside a line only when one line alone exceeds a box', () => {
    const line: CodePart = { type: 'code', lang: null, code: 'x'.repeat(5000) };
    const d = doc([line]);
    const messages = layoutDocument(d, discordLayoutLimits);
    expectWithinDiscord(messages);
    expectLossless(d, messages);
    expect(laidParts(messages)).toHaveLength(2);
  });
});

describe('images', () => {
  it('12 formulas overflow Discord’s 10 attachments into a second message, in order', () => {
    const parts: RenderedPart[] = [];
    for (let i = 1; i <= 12; i++) parts.push(text(`step ${i}: ⟨${i}⟩`), image(i, `⟨${i}⟩`));
    const d = doc(parts);
    const messages = layoutDocument(d, discordLayoutLimits);
    expectWithinDiscord(messages);
    expectLossless(d, messages);
    expect(messages.map((m) => m.boxes.filter((b) => b.image).length)).toEqual([10, 2]);
    // Each image sits under the text that names it, in the same embed.
    for (const box of messages.flatMap((m) => m.boxes)) {
      expect(discordDescription(box)).toMatch(
        new RegExp(`${box.image!.label}\\n\\n-# ${box.image!.label}$`),
      );
    }
    // Slack has no attachment cap: one message, each image a block after its text.
    const slack = layoutDocument(d, slackLayoutLimits);
    expectWithinSlack(slack);
    expect(slack).toHaveLength(1);
    expect(slack[0]!.boxes).toHaveLength(24);
  });

  it('60 blocks on Slack become two messages of at most 50 blocks (header and buttons counted)', () => {
    const parts: RenderedPart[] = [];
    for (let i = 1; i <= 30; i++) parts.push(text(`paragraph ${i}`), image(i));
    const d = doc(parts);
    const messages = layoutDocument(d, slackLayoutLimits);
    expectWithinSlack(messages);
    expectLossless(d, messages);
    expect(messages.map((m) => m.boxes.length)).toEqual([49, 11]);
    expect(messages[1]!.title).toBeNull();
    expect(messages[1]!.buttons).toEqual([{ action: 'rate' }]);
  });

  it('an image after an image gets an embed of its own on Discord', () => {
    const d = doc([text('two formulas:'), image(1), image(2)]);
    const [m] = layoutDocument(d, discordLayoutLimits);
    expect(m!.boxes.map((b) => [b.flow.length, b.image?.name])).toEqual([
      [1, 'formula-1.png'],
      [0, 'formula-2.png'],
    ]);
  });
});

describe('message budgets', () => {
  it('Discord’s 6,000 across embeds: the rest of a part moves to the next message, not into a crumb of an embed', () => {
    const parts: RenderedPart[] = [
      text(prose(2500, 1)),
      image(1),
      text(prose(2500, 2)),
      image(2),
      text(prose(2500, 3)),
    ];
    const d = doc(parts);
    const messages = layoutDocument(d, discordLayoutLimits);
    expectWithinDiscord(messages);
    expectLossless(d, messages);
    expect(messages).toHaveLength(2);
    expect(messages[0]!.boxes).toHaveLength(3);
  });

  it('Slack notes are context blocks of their own; Discord keeps them in the embed', () => {
    const d = doc([text('body'), text('a note', 'note'), text('more body')]);
    expect(layoutDocument(d, slackLayoutLimits)[0]!.boxes.map((b) => b.flow.length)).toEqual([
      1, 1, 1,
    ]);
    expect(layoutDocument(d, discordLayoutLimits)[0]!.boxes.map((b) => b.flow.length)).toEqual([3]);
  });

  it('an empty document is one message with its title and buttons', () => {
    const messages = layoutDocument(doc([]), slackLayoutLimits);
    expect(messages).toEqual([{ title: 'T1 · test', boxes: [], buttons: [{ action: 'rate' }] }]);
  });

  it('limits too small for any text are an error, not a hang', () => {
    // A fenced code block costs 8 characters of fences before any code.
    const tiny = {
      ...discordLayoutLimits,
      maxMessageChars: 6,
      titleCost: () => ({ boxes: 0, chars: 0 }),
    };
    expect(() => layoutDocument(doc([{ type: 'code', lang: null, code: 'x = 1' }]), tiny)).toThrow(
      LayoutLimitError,
    );
  });
});
