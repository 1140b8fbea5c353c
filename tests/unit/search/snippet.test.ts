import { describe, expect, it } from 'vitest';
import { excerpt, findRanges, prepare } from '../../../src/core/search/snippet.js';

const marked = (text: string, ranges: readonly (readonly [number, number])[]) =>
  ranges.map(([s, e]) => text.slice(s, e));

describe('findRanges', () => {
  it('finds terms case-insensitively and merges overlapping ones', () => {
    const p = prepare('He 初始化 and Xavier 初始化');
    expect(marked(p.text, findRanges(p, ['初始', '始化', 'xavier']))).toEqual([
      '初始化',
      'Xavier',
      '初始化',
    ]);
  });

  it('ignores empty terms and treats regex characters literally', () => {
    const p = prepare('a+b (c)');
    expect(findRanges(p, ['', '(c)'])).toEqual([[4, 7]]);
  });
});

describe('excerpt', () => {
  it('returns short text whole, whitespace collapsed', () => {
    const p = prepare('白化\n\n  是预处理');
    const e = excerpt(p, findRanges(p, ['白化']), 50);
    expect(e).toEqual({ text: '白化 是预处理', highlights: [[0, 2]] });
  });

  it('cuts long text around the matches, with ellipses, within the width', () => {
    const text = `${'前'.repeat(200)}densenet 的显存${'后'.repeat(200)}`;
    const p = prepare(text);
    const e = excerpt(p, findRanges(p, ['densenet', '显存']), 40);
    expect(e.text.length).toBeLessThanOrEqual(40);
    expect(e.text.startsWith('…')).toBe(true);
    expect(e.text.endsWith('…')).toBe(true);
    expect(marked(e.text, e.highlights)).toEqual(['densenet', '显存']);
  });

  it('does not cut English words in half', () => {
    const text = `${'word '.repeat(40)}the dropout layer ${'more '.repeat(40)}`;
    const p = prepare(text);
    const e = excerpt(p, findRanges(p, ['dropout']), 43);
    expect(e.text).toMatch(/^…(word )+the dropout layer( more)+…$/);
  });

  it('opens on the start of the text when nothing matched', () => {
    const e = excerpt(prepare('x'.repeat(300)), [], 20);
    expect(e.text).toBe(`${'x'.repeat(18)}…`);
    expect(e.highlights).toEqual([]);
  });

  it('never splits a surrogate pair', () => {
    const p = prepare('𝑥'.repeat(100));
    const e = excerpt(p, [], 21);
    expect(e.text).not.toMatch(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
    );
  });
});
