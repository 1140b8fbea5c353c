import { describe, expect, it } from 'vitest';
import { createIdResolver } from '../../../src/core/search/resolve-id.js';
import { makeQuestion } from '../../support/question-factory.js';

const questions = [
  makeQuestion({ id: 'Q1', title: '简介常见初始化方法及其思路' }),
  makeQuestion({ id: 'Q3', title: '卷积扩张卷积的输出 size 的计算' }),
  makeQuestion({ id: 'Q10', title: 'BN 的缺点及其衍生的特性' }),
  makeQuestion({ id: 'Q12', title: 'Transfer learning and BN?' }),
  makeQuestion({ id: 'Q-1a2b3c', number: null, title: '目标检测发展史' }),
  makeQuestion({ id: 'Q-9f8e7d', number: null, title: 'FPN 理解' }),
];
const { resolve, byPrefix } = createIdResolver(questions);

describe('resolve', () => {
  it.each(['Q3', 'q3', '3', ' Q3 ', 'Q 3', 'Q03', '#3', 'Ｑ３', '\tq3\n'])(
    'reads %j as Q3',
    (input) => {
      expect(resolve(input)).toBe('Q3');
    },
  );

  it('reads unnumbered ids in any case', () => {
    expect(resolve('Q-1a2b3c')).toBe('Q-1a2b3c');
    expect(resolve(' q-1A2B3C ')).toBe('Q-1a2b3c');
  });

  it('reads exact titles, ignoring case, spacing and a closing question mark', () => {
    expect(resolve('目标检测发展史')).toBe('Q-1a2b3c');
    expect(resolve('卷积扩张卷积的输出size的计算')).toBe('Q3');
    expect(resolve('transfer learning and bn')).toBe('Q12');
  });

  it('reads an id followed by its title, as in a pasted autocomplete label', () => {
    expect(resolve('Q3: 卷积扩张卷积的输出 size 的计算')).toBe('Q3');
    expect(resolve('Q3 · 卷积扩张卷积的输出 size…')).toBe('Q3');
    expect(resolve('Q3: 目标检测发展史')).toBeNull();
  });

  it('returns null for unknown ids, partial titles and blank input', () => {
    for (const input of ['Q2', '99', 'Q-000000', '卷积', '', '   ', 'q', 'Q3Q3', '.*']) {
      expect(resolve(input)).toBeNull();
    }
  });
});

describe('byPrefix', () => {
  it('lists numbered ids starting with the input, exact match first', () => {
    expect(byPrefix('q1')).toEqual(['Q1', 'Q10', 'Q12']);
    expect(byPrefix('1')).toEqual(['Q1', 'Q10', 'Q12']);
    expect(byPrefix('Q10')).toEqual(['Q10']);
  });

  it('lists unnumbered ids by their hash prefix, and everything for a bare q', () => {
    expect(byPrefix('q-1')).toEqual(['Q-1a2b3c']);
    expect(byPrefix('Q')).toHaveLength(questions.length);
  });

  it('returns nothing for input that is not id-like', () => {
    expect(byPrefix('BN')).toEqual([]);
    expect(byPrefix('卷积')).toEqual([]);
    expect(byPrefix('')).toEqual([]);
  });
});
