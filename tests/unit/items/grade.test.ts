/** The grader on edge cases: what players really type and press. */
import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/core/items/grade.js';
import type { ChoiceItem, ClozeItem, NumericItem } from '../../../src/core/items/model.js';
import { parseNumber } from '../../../src/core/items/numbers.js';

const base = { sources: ['Q1'], tags: ['DL'], prompt: 'p', explanation: 'e' };
const origin = { kind: 'authored' as const, file: 'x.yaml', line: 1 };

const single: ChoiceItem = {
  ...base,
  id: 'one',
  kind: 'choice',
  options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `option ${id}` })),
  answer: ['b'],
  origin,
};
const several: ChoiceItem = { ...single, id: 'several', answer: ['a', 'c'] };
const numeric = (
  answer: number,
  tolerance = { abs: 0, rel: 0 },
  unit: string | null = null,
): NumericItem => ({
  ...base,
  id: 'n',
  kind: 'numeric',
  answer,
  tolerance,
  unit,
  origin,
});
const cloze: ClozeItem = {
  ...base,
  id: 'c',
  kind: 'cloze',
  answer: '白化（whitening）',
  accept: ['白化', 'whitening'],
  options: [
    { id: 'a', text: '花书' },
    { id: 'b', text: '白化（whitening）' },
  ],
  answerOption: 'b',
  origin: { kind: 'generated', generator: 'cloze', line: 1 },
};

describe('grade: choice', () => {
  it('buttons and typed letters, any case and separator', () => {
    expect(grade(single, { optionIds: ['b'] })).toEqual({
      correct: true,
      expected: 'b',
      understood: 'b',
    });
    expect(grade(single, { text: ' B ' }).correct).toBe(true);
    expect(grade(single, { text: 'ｂ' }).correct).toBe(true); // full width
    expect(grade(single, { optionIds: ['a'] }).correct).toBe(false);
  });

  it('several answers: exactly the set, in any order; reports missing and extra', () => {
    expect(grade(several, { text: 'c, a' }).correct).toBe(true);
    expect(grade(several, { text: 'CA' }).correct).toBe(true);
    expect(grade(several, { text: 'a、c' }).correct).toBe(true);
    expect(grade(several, { optionIds: ['a', 'c', 'a'] }).correct).toBe(true);
    expect(grade(several, { optionIds: ['a'] })).toMatchObject({
      correct: false,
      missing: ['c'],
      extra: [],
    });
    expect(grade(several, { optionIds: ['a', 'b', 'c'] })).toMatchObject({
      correct: false,
      missing: [],
      extra: ['b'],
    });
  });

  it('unknown options and empty input are unreadable, not wrong answers', () => {
    expect(grade(single, { text: 'e' })).toMatchObject({
      correct: false,
      problem: 'unknown-option',
      understood: null,
    });
    expect(grade(single, { text: 'banana' })).toMatchObject({ problem: 'unknown-option' });
    expect(grade(single, { text: '   ' })).toMatchObject({ problem: 'empty' });
    expect(grade(single, { optionIds: [] })).toMatchObject({ problem: 'empty' });
  });
});

describe('grade: numeric', () => {
  it('exact by default, with float noise absorbed', () => {
    expect(grade(numeric(32), { text: '32' }).correct).toBe(true);
    expect(grade(numeric(32), { text: '33' }).correct).toBe(false);
    expect(grade(numeric(0.1 + 0.2), { text: '0.3' }).correct).toBe(true);
  });

  it('absolute and relative tolerance (either one passes)', () => {
    const item = numeric(0.1736111, { abs: 0, rel: 0.02 });
    expect(grade(item, { text: '0.174' }).correct).toBe(true);
    expect(grade(item, { text: '0.17' }).correct).toBe(false); // 2.08 % off
    expect(grade(numeric(100, { abs: 0, rel: 0.02 }), { text: '102.5' }).correct).toBe(false);
    expect(grade(numeric(100, { abs: 3, rel: 0.01 }), { text: '102.5' }).correct).toBe(true);
    expect(grade(numeric(-1.455, { abs: 0.001, rel: 0 }), { text: '-1.4555' }).correct).toBe(true);
    expect(grade(numeric(0, { abs: 0, rel: 0.5 }), { text: '0.0001' }).correct).toBe(false); // rel of 0 is 0
  });

  it('fractions, exponents, separators, full-width digits and the unit are understood', () => {
    const ratio = numeric(1 / 16 + 1 / 9, { abs: 0, rel: 0.001 });
    expect(grade(ratio, { text: '25/144' })).toMatchObject({
      correct: true,
      understood: '0.173611',
    });
    expect(grade(numeric(1e-5), { text: '1e-5' }).correct).toBe(true);
    expect(grade(numeric(1e-5), { text: '0.00001' }).correct).toBe(true);
    expect(grade(numeric(394240), { text: '394,240' }).correct).toBe(true);
    expect(grade(numeric(32), { text: '３２' }).correct).toBe(true);
    const px = numeric(32, { abs: 0, rel: 0 }, 'px');
    expect(grade(px, { text: '32 px' }).correct).toBe(true);
    expect(grade(px, { text: '32PX' }).correct).toBe(true);
    expect(grade(px, { text: '32' })).toEqual({
      correct: true,
      expected: '32 px',
      understood: '32',
    });
    expect(grade(numeric(0.125), { text: '12.5%' }).correct).toBe(true);
    expect(grade(numeric(12.5, { abs: 0, rel: 0 }, '%'), { text: '12.5%' }).correct).toBe(true);
  });

  it('a wrong unit or garbage is unreadable, with the reason', () => {
    const px = numeric(32, { abs: 0, rel: 0 }, 'px');
    expect(grade(px, { text: '32 cm' })).toMatchObject({
      correct: false,
      problem: 'wrong-unit',
      understood: null,
    });
    expect(grade(px, { text: 'thirty-two' })).toMatchObject({ problem: 'unparseable' });
    expect(grade(px, { text: '0x20' })).toMatchObject({ problem: 'unparseable' });
    expect(grade(px, { text: '1,5' })).toMatchObject({ problem: 'unparseable' });
    expect(grade(px, { text: '' })).toMatchObject({ problem: 'empty' });
    expect(grade(px, { optionIds: ['a'] })).toMatchObject({ problem: 'unparseable' });
    expect(parseNumber('Infinity')).toEqual({ ok: false, reason: 'unparseable' });
    expect(parseNumber('1/0')).toEqual({ ok: false, reason: 'unparseable' });
    expect(parseNumber('−3')).toEqual({ ok: true, value: -3 }); // typographic minus
  });
});

describe('grade: cloze', () => {
  it('typed text ignores case, width, spaces and punctuation, and takes accepted forms', () => {
    expect(grade(cloze, { text: '白化（whitening）' }).correct).toBe(true);
    expect(grade(cloze, { text: '白化(Whitening)' }).correct).toBe(true);
    expect(grade(cloze, { text: ' 白 化 ' }).correct).toBe(true);
    expect(grade(cloze, { text: 'WHITENING' }).correct).toBe(true);
    expect(grade(cloze, { text: 'ｗｈｉｔｅｎｉｎｇ' }).correct).toBe(true);
    expect(grade(cloze, { text: '白' }).correct).toBe(false);
    expect(grade(cloze, { text: '花书' })).toMatchObject({
      correct: false,
      expected: '白化（whitening）',
      understood: '花书',
    });
    expect(grade(cloze, { text: '。' })).toMatchObject({ correct: false, problem: 'empty' });
  });

  it('buttons: the answer option only, one at a time', () => {
    expect(grade(cloze, { optionIds: ['b'] }).correct).toBe(true);
    expect(grade(cloze, { optionIds: ['B'] }).correct).toBe(true);
    expect(grade(cloze, { optionIds: ['a'] }).correct).toBe(false);
    expect(grade(cloze, { optionIds: ['a', 'b'] })).toMatchObject({
      correct: false,
      problem: 'unknown-option',
    });
    expect(grade(cloze, { optionIds: ['z'] })).toMatchObject({ problem: 'unknown-option' });
  });
});
