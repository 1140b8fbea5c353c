import { describe, expect, it } from 'vitest';
import { isHanToken, normalize, tokenize } from '../../../src/core/search/tokenize.js';

describe('normalize', () => {
  it('folds case and full-width forms', () => {
    expect(normalize('ＢＮ Layer')).toBe('bn layer');
  });
});

describe('tokenize', () => {
  it('lowercases Latin words and keeps digits and underscores', () => {
    expect(tokenize('ResNet-50 uses x_1 and 3.14')).toEqual([
      'resnet',
      '50',
      'uses',
      'x_1',
      'and',
      '3',
      '14',
    ]);
  });

  it('cuts Han runs into bigrams, with unigrams in the index only', () => {
    expect(tokenize('显存', 'query')).toEqual(['显存']);
    expect(tokenize('显存', 'index')).toEqual(['显', '存', '显存']);
  });

  it('finds terms that ICU segmentation splits (显|存, 初始|化)', () => {
    expect(tokenize('如何避免显存过大', 'index')).toContain('显存');
    expect(tokenize('初始化', 'query')).toEqual(expect.arrayContaining(['初始', '始化']));
  });

  it('adds the longer words Intl.Segmenter recognises', () => {
    expect(tokenize('为什么需要白化', 'query')).toContain('为什么');
  });

  it('keeps a lone Han character in a query so one-character searches work', () => {
    expect(tokenize('熵', 'query')).toEqual(['熵']);
  });

  it('splits mixed Latin and Han text at the script boundary', () => {
    expect(tokenize('l1和l2正则化', 'index')).toEqual(
      expect.arrayContaining(['l1', '和', 'l2', '正则', '则化']),
    );
  });

  it('drops lone function words from queries unless nothing else is left', () => {
    expect(tokenize('l1 和 l2 的区别', 'query')).toEqual(['l1', 'l2', '区别']);
    expect(tokenize('的', 'query')).toEqual(['的']);
  });

  it('returns nothing for empty, blank or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  \n\t ')).toEqual([]);
    expect(tokenize('.*+?^${}()|[]\\/，。')).toEqual([]);
  });

  it('tells Han tokens from Latin ones', () => {
    expect(isHanToken('白化')).toBe(true);
    expect(isHanToken('bn')).toBe(false);
  });
});
