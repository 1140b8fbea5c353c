import { describe, expect, it } from 'vitest';
import { createFuzzyExpander, editDistance } from '../../../src/core/search/fuzzy.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('densnet', 'densenet', 3)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('', 'abc', 5)).toBe(3);
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('inceptoin', 'inception', 3)).toBe(1);
  });

  it('gives up with max + 1 once the distance must exceed max', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('createFuzzyExpander', () => {
  const expand = createFuzzyExpander(['densenet', 'dense', 'inception', 'lstm', 'densenet']);

  it('finds vocabulary words within the allowed edits, not the word itself', () => {
    expect(expand('densnet', 1)).toEqual([['densenet', 1]]);
    expect(expand('densenet', 1)).toEqual([]);
  });

  it('allows nothing at distance 0 and ignores very long input', () => {
    expect(expand('densnet', 0)).toEqual([]);
    expect(expand('x'.repeat(500), 2)).toEqual([]);
  });
});
