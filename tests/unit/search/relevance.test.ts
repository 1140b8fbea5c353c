/** Search quality on the real default bank: what people will actually type. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/bank/load.js';
import type { Question } from '../../../src/core/bank/model.js';
import { buildSearchIndex } from '../../../src/core/search/index.js';
import type { SearchIndex } from '../../../src/core/search/index.js';

let index: SearchIndex;
let questions: Question[];

beforeAll(async () => {
  ({ questions } = await loadBank('data/questions.md'));
  index = buildSearchIndex(questions);
});

const top = (query: string, n: number) => index.search(query, { limit: n }).map((hit) => hit.id);
const suggested = (input: string, n = 25) => index.suggest(input, n).map((s) => s.id);
/** Unnumbered questions are found by title: their hash ids are the parser's business. */
const idOfTitle = (start: string) => questions.find((q) => q.title.startsWith(start))!.id;

describe('search on the default bank', () => {
  it('白化 → Q4 and Q5 first', () => {
    expect(top('白化', 2).sort()).toEqual(['Q4', 'Q5']);
  });

  it('densenet 显存 → Q29 first', () => {
    expect(top('densenet 显存', 1)).toEqual(['Q29']);
  });

  it('BN → the seven BN questions first', () => {
    const bn = ['Q6', 'Q9', 'Q10', 'Q11', 'Q12', 'Q15', idOfTitle('深度学习框架中一般 BN')];
    expect(top('BN', bn.length).sort()).toEqual([...bn].sort());
    expect(top('bn', bn.length).sort()).toEqual([...bn].sort());
  });

  it('初始化 → Q1 and Q2 first', () => {
    expect(top('初始化', 2).sort()).toEqual(['Q1', 'Q2']);
  });

  it.each(['lstm', 'LSTM', 'Lstm'])('%s → Q39 and Q40 first', (query) => {
    expect(top(query, 2).sort()).toEqual(['Q39', 'Q40']);
  });

  it.each([
    ['交叉熵', 'Q24'],
    ['熵', 'Q24'],
    ['正则化', 'Q26'],
    ['过拟合', 'Q19'],
    ['梯度消失', 'Q16'],
    ['PCA', 'Q7'],
    ['whitening', 'Q4'],
    ['python 装饰器', 'Q36'],
    ['为什么 BN 能加速训练', 'Q6'],
    ['l1 和 l2 的区别', 'Q23'],
  ])('%s → %s first', (query, id) => {
    expect(top(query, 1)).toEqual([id]);
  });

  it('目标检测 → the unnumbered 目标检测发展史 first', () => {
    expect(top('目标检测', 1)).toEqual([idOfTitle('目标检测发展史')]);
  });

  it('an id as the query puts that question first', () => {
    for (const query of ['Q3', 'q3', '3']) expect(top(query, 1)).toEqual(['Q3']);
  });

  it('empty, blank and junk queries give an empty result', () => {
    for (const query of ['', '   ', '\u3000', '，。']) expect(index.search(query)).toEqual([]);
  });

  it('regex metacharacters and very long input are safe', () => {
    for (const query of ['.*', '(?:', '[', '\\', '*+?{}$^|', 'BN)(', 'x'.repeat(100_000)]) {
      expect(() => index.search(query)).not.toThrow();
      expect(() => index.suggest(query)).not.toThrow();
    }
    expect(top('(BN)*', 7)).toEqual(top('BN', 7));
  });

  it('excerpts show the matched words', () => {
    const [hit] = index.search('白化', { limit: 1 });
    expect(hit!.excerpt.text.length).toBeGreaterThan(0);
    const marked = hit!.excerpt.highlights.map(([s, e]) => hit!.excerpt.text.slice(s, e));
    expect(marked).toContain('白化');
  });
});

describe('ids on the default bank', () => {
  it.each(['q3', 'Q3', '3', ' Q3 ', 'Ｑ３'])('%j resolves to Q3', (input) => {
    expect(index.resolveId(input)).toBe('Q3');
  });

  it('resolves every question by its id, lowercased id and exact title', () => {
    for (const q of questions) {
      expect(index.resolveId(q.id)).toBe(q.id);
      expect(index.resolveId(q.id.toLowerCase())).toBe(q.id);
      expect(index.resolveId(q.title)).toBe(q.id);
    }
  });
});

describe('autocomplete on the default bank', () => {
  it('exact id first, then the ids it starts', () => {
    expect(suggested('Q3', 11)).toEqual([
      'Q3',
      ...Array.from({ length: 10 }, (_, i) => `Q${30 + i}`),
    ]);
    expect(suggested('q1', 3)).toEqual(['Q1', 'Q10', 'Q11']);
  });

  it('typos still suggest the right questions', () => {
    expect(suggested('densnet', 2).sort()).toEqual(['Q29', 'Q30']);
    expect(suggested('Inceptoin', 1)).toEqual(['Q28']);
    expect(suggested('lstn', 2).sort()).toEqual(['Q39', 'Q40']);
    expect(suggested('pyton', 3).sort()).toEqual(['Q34', 'Q35', 'Q36']);
  });

  it('partly typed words and characters suggest', () => {
    expect(suggested('dense', 2).sort()).toEqual(['Q29', 'Q30']);
    expect(suggested('白', 2).sort()).toEqual(['Q4', 'Q5']);
    expect(suggested('BN 参数', 1)).toEqual([idOfTitle('深度学习框架中一般 BN')]);
  });

  it('returns at most 25 choices with labels of at most 100 characters', () => {
    for (const input of ['', 'q', 'BN', '的', 'x'.repeat(1000)]) {
      const choices = index.suggest(input);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) expect(c.label.length).toBeLessThanOrEqual(100);
    }
    expect(index.suggest('')).toHaveLength(25);
  });
});
