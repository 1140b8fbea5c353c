import { describe, expect, it } from 'vitest';
import { buildSearchIndex, SUGGESTION_LABEL_MAX } from '../../../src/core/search/index.js';
import { makeQuestion } from '../../support/question-factory.js';

const questions = [
  makeQuestion({
    id: 'Q1',
    title: '简介常见初始化方法及其思路',
    tags: ['DL'],
    keyPoints: '方差公式，Xavier 和 He 的实现方法',
    text: '完全随机的初始化会让方差不断变大或变小。Xavier 初始化保持输入和输出的方差一致。',
  }),
  makeQuestion({
    id: 'Q4',
    title: '为什么需要白化',
    tags: ['ML'],
    text: '白化（whitening）是一个重要的数据预处理步骤，降低输入的冗余性。',
  }),
  makeQuestion({
    id: 'Q6',
    title: '为什么要进行 BN',
    tags: ['DL'],
    text: 'BN 的原论文中说是解决了 Internal Covariate Shift 的问题。',
  }),
  makeQuestion({
    id: 'Q29',
    title: '如何避免 densenet 中的显存过大问题',
    tags: ['DL'],
    text: '把所有 concat - BN - ReLU - Conv 的中间输出释放，在反传前重新计算一遍，可以节省很多显存。',
  }),
  makeQuestion({
    id: 'Q39',
    title: 'LSTM 结构推导',
    text: 'LSTM 比传统的 RNN 多了三个门，参数量是标准 RNN 的四倍。',
  }),
  makeQuestion({
    id: 'Q-5e7a11',
    number: null,
    title: '目标检测发展史',
    tags: ['DL'],
    text: 'RCNN 用 AlexNet 对 Selective Search 选出的 proposal 提取特征。后来的 Inception 结构……',
  }),
];
const index = buildSearchIndex(questions);
const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('search', () => {
  it('ranks a title match above a body mention', () => {
    expect(ids(index.search('BN'))).toEqual(['Q6', 'Q29']);
    expect(ids(index.search('显存'))[0]).toBe('Q29');
  });

  it('matches Latin words whatever their case', () => {
    expect(ids(index.search('lstm'))).toEqual(['Q39']);
    expect(ids(index.search('Whitening'))).toEqual(['Q4']);
  });

  it('prefers questions matching more of the query', () => {
    expect(ids(index.search('BN 显存'))).toEqual(['Q29', 'Q6']);
  });

  it('puts the question a query names first', () => {
    expect(ids(index.search('Q39'))[0]).toBe('Q39');
    expect(ids(index.search('目标检测发展史'))[0]).toBe('Q-5e7a11');
    expect(ids(index.search('4'))).toEqual(['Q4']);
  });

  it('tolerates one typo in a longer English word', () => {
    expect(ids(index.search('densnet'))).toEqual(['Q29']);
  });

  it('filters by tag, case-insensitively, pinned ids included', () => {
    expect(ids(index.search('BN', { tag: 'dl' }))).toEqual(['Q6', 'Q29']);
    expect(index.search('Q4', { tag: 'DL' })).toEqual([]);
    expect(ids(index.search('白化', { tag: 'ML' }))).toEqual(['Q4']);
  });

  it('honours the limit', () => {
    expect(index.search('的', { limit: 1 })).toHaveLength(1);
    expect(index.search('BN', { limit: 0 })).toEqual([]);
  });

  it('returns an excerpt with highlights on the matched words and the title', () => {
    const [hit] = index.search('显存');
    expect(hit!.excerpt.text).toContain('显存');
    const [s, e] = hit!.excerpt.highlights[0]!;
    expect(hit!.excerpt.text.slice(s, e)).toBe('显存');
    const [ts, te] = hit!.titleHighlights[0]!;
    expect(hit!.title.slice(ts, te)).toBe('显存');
  });

  it('gives an empty result, not an error, for empty, blank or unmatched queries', () => {
    for (const q of ['', '   ', '\n\t', '，。！', 'zzzzzz', '量子纠缠']) {
      expect(index.search(q)).toEqual([]);
    }
  });

  it('is safe with regex metacharacters and very long input', () => {
    for (const q of ['.*', '(BN', '[a-z]+', '\\', '$^|?{}', 'BN)*+']) {
      expect(() => index.search(q)).not.toThrow();
    }
    expect(ids(index.search('(BN)*'))[0]).toBe('Q6');
    const long = '白化 '.repeat(50_000);
    expect(ids(index.search(long))[0]).toBe('Q4');
    expect(() => index.suggest(long)).not.toThrow();
    expect(index.resolveId(long)).toBeNull();
  });
});

describe('resolveId', () => {
  it('accepts the forms people type', () => {
    for (const input of ['Q1', 'q1', '1', ' Q1 ']) expect(index.resolveId(input)).toBe('Q1');
    expect(index.resolveId('q-5E7A11')).toBe('Q-5e7a11');
    expect(index.resolveId('Q2')).toBeNull();
  });
});

describe('suggest', () => {
  it('offers the first questions for empty input', () => {
    expect(index.suggest('').map((s) => s.id)).toEqual(questions.map((q) => q.id));
    expect(index.suggest('  ', 2)).toHaveLength(2);
  });

  it('puts the exact id first, then ids with that prefix', () => {
    const more = buildSearchIndex([
      makeQuestion({ id: 'Q10', title: 'BN 的缺点' }),
      makeQuestion({ id: 'Q1', title: '初始化' }),
      makeQuestion({ id: 'Q11', title: 'Q1 的后续' }),
    ]);
    expect(more.suggest('q1').map((s) => s.id)).toEqual(['Q1', 'Q10', 'Q11']);
    expect(more.suggest('1').map((s) => s.id)).toEqual(['Q1', 'Q10', 'Q11']);
  });

  it('completes a partly typed word', () => {
    expect(index.suggest('dense')[0]!.id).toBe('Q29');
    expect(index.suggest('白')[0]!.id).toBe('Q4');
  });

  it('tolerates typos, swapped letters included', () => {
    expect(index.suggest('densnet')[0]!.id).toBe('Q29');
    expect(index.suggest('lstn')[0]!.id).toBe('Q39');
    expect(index.suggest('Inceptoin').map((s) => s.id)).toContain('Q-5e7a11');
  });

  it('labels numbered questions with their id and unnumbered ones with their title', () => {
    const [q29] = index.suggest('Q29');
    expect(q29).toEqual({
      id: 'Q29',
      title: '如何避免 densenet 中的显存过大问题',
      label: 'Q29 · 如何避免 densenet 中的显存过大问题',
    });
    expect(index.suggest('目标检测')[0]!.label).toBe('目标检测发展史');
  });

  it('keeps labels within the limit', () => {
    const long = buildSearchIndex([makeQuestion({ id: 'Q7', title: '很长的标题'.repeat(40) })]);
    const [s] = long.suggest('Q7');
    expect(s!.label.length).toBeLessThanOrEqual(SUGGESTION_LABEL_MAX);
    expect(s!.label.endsWith('…')).toBe(true);
    expect(s!.title).toBe('很长的标题'.repeat(40));
  });

  it('honours the limit', () => {
    expect(index.suggest('BN', 1)).toHaveLength(1);
    expect(index.suggest('BN', 0)).toEqual([]);
  });
});

describe('buildSearchIndex', () => {
  it('indexes an empty bank and one with repeated ids without throwing', () => {
    expect(buildSearchIndex([]).search('BN')).toEqual([]);
    expect(buildSearchIndex([]).suggest('')).toEqual([]);
    const twice = buildSearchIndex([
      makeQuestion({ id: 'Q1', title: 'BN 一' }),
      makeQuestion({ id: 'Q1', title: 'BN 二' }),
    ]);
    expect(twice.search('BN')).toHaveLength(2);
    expect(twice.resolveId('1')).toBe('Q1');
  });
});
