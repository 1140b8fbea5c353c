/**
 * Generated items on the whole default bank. The rules are re-checked here with code of the
 * test's own (plain substring search, a separate edit distance), not with the generator's
 * helpers, so a bug in a rule cannot pass its own check.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/bank/load.js';
import type { Question } from '../../../src/core/bank/model.js';
import { type GeneratedItems, generateItems } from '../../../src/core/items/generate/index.js';
import { summarizeGeneration } from '../../../src/core/items/generate/summary.js';
import { BLANK, type ChoiceItem, type ClozeItem } from '../../../src/core/items/model.js';
import { tokenize } from '../../../src/core/search/tokenize.js';

let questions: Question[];
let generated: GeneratedItems;
const byId = new Map<string, Question>();

beforeAll(async () => {
  ({ questions } = await loadBank('data/questions.md'));
  for (const q of questions) byId.set(q.id, q);
  generated = generateItems(questions, { seed: 'quality' });
});

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) => [i, ...Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) d[0]![j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
  }
  return d[x.length]![y.length]!;
}

/** Option texts must differ by more than a quarter of their length and not contain each other. */
function tooSimilar(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (x.includes(y) || y.includes(x)) return true;
  return levenshtein(x, y) / Math.max([...x].length, [...y].length) < 0.25;
}

const excerptOf = (item: ChoiceItem) => item.prompt.split('\n\n').slice(1).join('\n\n');
const which = () => generated.items.filter((i): i is ChoiceItem => i.kind === 'choice');
const clozes = () => generated.items.filter((i): i is ClozeItem => i.kind === 'cloze');

describe('generated items on the default bank', () => {
  it('counts usable items per tag (update deliberately when the rules or the bank change)', () => {
    const { byGroup } = summarizeGeneration(generated, questions);
    const counts = Object.fromEntries(
      Object.entries(byGroup).map(([g, c]) => [
        g,
        { whichQuestion: c.whichQuestion, cloze: c.cloze },
      ]),
    );
    expect(counts).toEqual({
      DL: { whichQuestion: 61, cloze: 10 },
      ML: { whichQuestion: 10, cloze: 0 },
      CI: { whichQuestion: 0, cloze: 0 },
      '(untagged)': { whichQuestion: 6, cloze: 0 },
    });
    expect(generated.items.length).toBeGreaterThanOrEqual(80);
  });

  it('the seed changes options, not which candidates survive', () => {
    const ids = (seed: string) => generateItems(questions, { seed }).items.map((i) => i.id);
    expect(ids('another seed')).toEqual(generated.items.map((i) => i.id));
    expect(ids('42')).toEqual(generated.items.map((i) => i.id));
  });

  it('comes only from complete questions', () => {
    for (const item of generated.items) expect(byId.get(item.sources[0]!)!.complete).toBe(true);
    const incomplete = questions.filter((q) => !q.complete).map((q) => q.id);
    expect(incomplete).toHaveLength(5);
    for (const item of which()) {
      for (const o of item.options)
        expect(questions.find((q) => q.title === o.text)!.complete).toBe(true);
    }
  });

  it('which-question: one right title among 3–4 titles of the same tag, none alike', () => {
    for (const item of which()) {
      const source = byId.get(item.sources[0]!)!;
      expect(item.answer).toHaveLength(1);
      expect(item.options.find((o) => o.id === item.answer[0])!.text).toBe(source.title);
      expect(item.options.length).toBeGreaterThanOrEqual(3);
      expect(item.options.length).toBeLessThanOrEqual(4);
      for (const o of item.options) {
        const q = questions.find((x) => x.title === o.text)!;
        expect(q.tags[0] ?? null, `${item.id}: ${o.text}`).toBe(source.tags[0] ?? null);
      }
      for (const [i, a] of item.options.entries()) {
        for (const b of item.options.slice(i + 1))
          expect(tooSimilar(a.text, b.text), `${item.id}: ${a.text} / ${b.text}`).toBe(false);
      }
    }
  });

  it("which-question: the excerpt holds no words of the right title or of any other option's", () => {
    // Words of the title as the segmenter sees them, minus question phrasing and the bank's
    // everyday words (in 30 % or more of the questions), which give no title away.
    const complete = questions.filter((q) => q.complete).map((q) => fold(`${q.title}${q.text}`));
    const everyday = (w: string) =>
      complete.filter((t) => t.includes(w)).length >= complete.length * 0.3;
    const phrasing =
      /^(为什么|什么|如何|怎样|哪些|进行|需要|能否|是否|区别|联系|作用|特性|概念|以及|及其|一般|常见|简介|方法|思路|原因|问题|处理|计算|实现|推导|理解|相关|流程|时间|空间)$/;
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    // Nor the words of any other option's title: that option could pass for the answer.
    for (const item of which()) {
      const excerpt = fold(excerptOf(item));
      const raw = excerptOf(item).normalize('NFKC').toLowerCase();
      for (const title of item.options.map((o) => o.text)) {
        const words = [...segmenter.segment(title.toLowerCase())]
          .filter((s) => s.isWordLike)
          .map((s) => s.segment)
          .filter((w) => [...w].length >= 2 && !phrasing.test(w) && !everyday(w));
        for (const w of words) {
          // Latin words match whole words (`se` is not in `sense`); Han words as substrings.
          const found = /\p{Script=Han}/u.test(w)
            ? excerpt.includes(w)
            : new RegExp(`(^|[^a-z0-9])${w}($|[^a-z0-9])`).test(raw);
          expect(found, `${item.id}: "${w}" from "${title}"`).toBe(false);
        }
      }
    }
  });

  it('which-question: excerpts are prose of a readable size, with no links or question references', () => {
    for (const item of which()) {
      const excerpt = excerptOf(item);
      const prose = excerpt.replace(/\$[^$]*\$/g, ' ');
      const units = (prose.match(/\p{Script=Han}|[\p{L}\p{N}_]+/gu) ?? []).length;
      expect(units, item.id).toBeGreaterThanOrEqual(12);
      expect(units, item.id).toBeLessThanOrEqual(150);
      expect(excerpt, item.id).not.toMatch(/https?:\/\//);
      expect(excerpt, item.id).not.toMatch(/(^|[^A-Za-z])Q\d*\s*[:：]|\bQ\d+\b/);
    }
  });

  it('which-question: no distractor question contains the excerpt (a second right answer)', () => {
    for (const item of which()) {
      const excerpt = fold(excerptOf(item).replace(/…$/, ''));
      for (const o of item.options.filter((o) => !item.answer.includes(o.id))) {
        const q = questions.find((x) => x.title === o.text)!;
        expect(
          fold(`${q.keyPoints ?? ''}${q.text}`).includes(excerpt),
          `${item.id} / ${q.id}`,
        ).toBe(false);
      }
    }
  });

  it('cloze: the blank is a bold term of the source, absent from the rest of the prompt', () => {
    expect(clozes().length).toBeGreaterThan(0);
    for (const item of clozes()) {
      expect(item.prompt.split(BLANK)).toHaveLength(2);
      const rest = item.prompt.replace(BLANK, ' ');
      for (const form of [item.answer, ...item.accept]) {
        const latin = !/\p{Script=Han}/u.test(form);
        const found = latin
          ? new RegExp(
              `(^|[^a-z0-9])${form.toLowerCase().replace(/[^a-z0-9]+/g, '[^a-z0-9]*')}($|[^a-z0-9])`,
            ).test(rest.toLowerCase())
          : fold(rest).includes(fold(form));
        expect(found, `${item.id}: "${form}" in prompt`).toBe(false);
      }
      const source = byId.get(item.sources[0]!)!;
      expect(JSON.stringify(source.answer)).toContain(
        JSON.stringify({ type: 'text', value: item.answer }).slice(1, -1),
      );
    }
  });

  it('cloze: four options, distractors are other questions’ terms, none alike', () => {
    for (const item of clozes()) {
      expect(item.options).toHaveLength(4);
      expect(item.options.find((o) => o.id === item.answerOption)!.text).toBe(item.answer);
      const source = byId.get(item.sources[0]!)!;
      for (const o of item.options.filter((o) => o.id !== item.answerOption)) {
        expect(
          fold(source.text).includes(fold(o.text)),
          `${item.id}: ${o.text} is in the source`,
        ).toBe(false);
      }
      for (const [i, a] of item.options.entries()) {
        for (const b of item.options.slice(i + 1))
          expect(tooSimilar(a.text, b.text), `${item.id}: ${a.text} / ${b.text}`).toBe(false);
      }
    }
  });

  it('explains every rejection, with the expected reasons for known cases', () => {
    const find = (question: string, start: string, generator = 'which-question') =>
      generated.rejected.find(
        (r) => r.generator === generator && r.question === question && r.text.startsWith(start),
      );
    expect(find('Q8', '补充阅读')?.reason).toBe('link-only');
    expect(find('Q21', '$w_t = w_{t-1}')?.reason).toBe('mostly-formula');
    expect(find('Q6', '实际上后续研究表明', 'cloze')?.reason).toBe('not-a-term'); // **尽管**
    expect(find('Q4', '一般在把数据喂给', 'cloze')?.reason).toBe('answer-in-prompt'); // 白化 is in the title
    expect(find('Q18', 'pooling')).toBeUndefined();
    expect(find('Q28', 'Q29: 如何避免')?.reason).toBe('names-a-question');
    expect(find('Q6', 'BN 的原论文中说是解决了')?.reason).toBe('contains-title-words');
    const reasons = new Set(generated.rejected.map((r) => r.reason));
    expect([...reasons].sort()).toEqual(
      expect.arrayContaining([
        'contains-title-words',
        'mostly-formula',
        'too-short',
        'term-too-long',
      ]),
    );
    for (const r of generated.rejected) expect(r.detail.length).toBeGreaterThan(0);
  });

  it('tokenizer sanity: a title term the rules rely on', () => {
    expect(tokenize('Pooling 的作用', 'query')).toContain('pooling');
  });
});
