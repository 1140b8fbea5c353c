/** `buildQuestionDocument`: the inline-math rule, figures, notes, answer handling. */
import { describe, expect, it } from 'vitest';
import type { Block, Question } from '../../../src/core/bank/model.js';
import { buildQuestionDocument } from '../../../src/core/views/build.js';
import type { DocPart } from '../../../src/core/views/document.js';

function question(overrides: Partial<Question> = {}): Question {
  return {
    id: 'Q99',
    number: 99,
    title: '测试',
    tags: ['DL'],
    level: 1,
    keyPoints: null,
    lead: [],
    answer: [],
    refs: [],
    sections: [],
    complete: true,
    incomplete: [],
    text: '',
    source: { file: 'test.md', line: 1 },
    bank: 'test.md',
    ...overrides,
  };
}

const p = (...children: Extract<Block, { type: 'paragraph' }>['children']): Block => ({
  type: 'paragraph',
  children,
  line: 1,
});
const t = (value: string) => ({ type: 'text' as const, value });
const m = (tex: string) => ({ type: 'math' as const, tex });

/** Unicode for single letters only, so tests pin which formulas need images. */
const letters = (tex: string): string | null => (/^[a-z]$/.test(tex) ? tex : null);

const summary = (parts: DocPart[]) =>
  parts.map((part) => {
    switch (part.type) {
      case 'text':
        return `${part.tone}${part.note ? `:${part.note}` : ''}:${part.spans.map((s) => s.text).join('')}`;
      case 'formula':
        return `formula:${part.display ? 'display' : part.label}:${part.tex}`;
      case 'code':
        return `code:${part.code}`;
      case 'figure':
        return `figure:${part.path}`;
    }
  });

describe('inline math', () => {
  it('stays in the sentence as Unicode when it converts, else becomes ⟨n⟩ with its image after the paragraph', () => {
    const q = question({
      answer: [
        p(t('设 '), m('x'), t(' 与 '), m('\\frac{a}{b}'), t('，以及 '), m('\\sum_i'), t('。')),
        p(t('再看 '), m('\\int f')),
        p(t('结束')),
      ],
    });
    const doc = buildQuestionDocument(q, { withAnswer: true, inlineMath: letters });
    expect(summary(doc.parts)).toEqual([
      'body:设 x 与 ⟨1⟩，以及 ⟨2⟩。',
      'formula:⟨1⟩:\\frac{a}{b}',
      'formula:⟨2⟩:\\sum_i',
      'body:再看 ⟨3⟩',
      'formula:⟨3⟩:\\int f',
      'body:结束',
    ]);
  });

  it('uses the project’s TeX → Unicode converter by default', () => {
    const q = question({ answer: [p(t('输出 '), m('\\hat{y}'))] });
    const doc = buildQuestionDocument(q, { withAnswer: true });
    expect(summary(doc.parts)).toEqual(['body:输出 ŷ']);
  });

  it('places a list item’s formula image right after that item', () => {
    const list: Block = {
      type: 'list',
      ordered: false,
      start: null,
      items: [[p(t('一 '), m('\\alpha+\\beta'))], [p(t('二'))]],
      line: 1,
    };
    const doc = buildQuestionDocument(question({ answer: [list] }), {
      withAnswer: true,
      inlineMath: letters,
    });
    expect(summary(doc.parts)).toEqual([
      'body:• 一 ⟨1⟩',
      'formula:⟨1⟩:\\alpha+\\beta',
      'body:• 二',
    ]);
  });
});

describe('blocks', () => {
  it('keeps display math, code and quotes as their own parts, in order', () => {
    const q = question({
      answer: [
        p(t('前')),
        { type: 'math', tex: ' E = mc^2 ', line: 2 },
        { type: 'code', lang: 'python', value: 'print(1)', line: 3 },
        { type: 'quote', children: [p(t('引用'))], line: 4 },
      ],
    });
    expect(summary(buildQuestionDocument(q, { withAnswer: true }).parts)).toEqual([
      'body:前',
      'formula:display:E = mc^2',
      'code:print(1)',
      'quote:引用',
    ]);
  });

  it('keeps bold, code and links as spans', () => {
    const q = question({
      answer: [
        p(
          { type: 'strong', children: [t('粗')] },
          { type: 'code', value: 'x = 1' },
          { type: 'link', url: 'https://example.com', children: [t('链接')] },
          t(' '),
          { type: 'strong', children: [t('要点: ')] },
          t('后文'),
        ),
      ],
    });
    const [part] = buildQuestionDocument(q, { withAnswer: true }).parts;
    expect(part).toMatchObject({
      spans: [
        { text: '粗', bold: true },
        { text: 'x = 1', code: true },
        { text: '链接', href: 'https://example.com' },
        { text: ' ' },
        { text: '要点: ', bold: true },
        { text: '后文' },
      ],
    });
  });

  it('turns local figures into figure parts and missing or remote ones into notes, never links to images', () => {
    const q = question({
      answer: [
        {
          type: 'image',
          image: { alt: '结构图', url: 'a.png', status: 'local', path: '/bank/a.png' },
          line: 1,
        },
        {
          type: 'image',
          image: { alt: 'img', url: 'questions.assets/b.png', status: 'missing' },
          line: 2,
        },
        {
          type: 'image',
          image: { alt: '', url: 'https://img.example.com/c.png', status: 'remote' },
          line: 3,
        },
      ],
    });
    expect(summary(buildQuestionDocument(q, { withAnswer: true }).parts)).toEqual([
      'figure:/bank/a.png',
      'note:figure-missing:Figure not available: b.png',
      'note:figure-remote:Figure not shown (external image): img.example.com',
    ]);
  });
});

describe('the question around the answer', () => {
  it('notes an incomplete question and a missing answer', () => {
    const q = question({ complete: false, incomplete: ['empty-body'] });
    expect(summary(buildQuestionDocument(q, { withAnswer: true }).parts)).toEqual([
      'note:incomplete:This question is not finished in the bank yet (it has no body).',
      'note:no-answer:No answer in the bank yet.',
    ]);
  });

  it('without the answer shows the lead only and offers a reveal button', () => {
    const q = question({
      lead: [p(t('题干'))],
      keyPoints: '要点',
      answer: [p(t('答案'))],
      refs: ['Q1'],
    });
    const doc = buildQuestionDocument(q, { withAnswer: false });
    expect(summary(doc.parts)).toEqual(['body:题干', 'note:see-also:See also: Q1']);
    expect(doc.buttons).toEqual([{ action: 'reveal' }]);
    expect(doc.title).toBe('Q99 · 测试');
  });

  it('with the answer adds key points, an Answer heading after a lead, and spoilers only on the answer', () => {
    const q = question({ lead: [p(t('题干'))], keyPoints: '要点', answer: [p(t('答案'))] });
    const doc = buildQuestionDocument(q, { withAnswer: true, spoiler: true });
    expect(summary(doc.parts)).toEqual(['body:题干', 'body:Key points: 要点\n\nAnswer\n\n答案']);
    expect(doc.parts.map((part) => part.spoiler ?? false)).toEqual([false, true]);
    expect(doc.buttons).toEqual([{ action: 'rate' }]);
  });
});
