/**
 * The shipped data/items/*.yaml: they lint clean against the default bank, and every template
 * computes the right answer on cases worked out by hand here (not copied from the YAML `checks`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/bank/load.js';
import { grade } from '../../../src/core/items/grade.js';
import type { AuthoredItem, NumericTemplate } from '../../../src/core/items/model.js';
import { instantiateWith } from '../../../src/core/items/template.js';
import { type LoadedItems, loadAuthoredItems } from '../../../src/items/load.js';

let loaded: LoadedItems;

beforeAll(async () => {
  const bank = await loadBank('data/questions.md');
  loaded = await loadAuthoredItems('data/items', {
    questions: new Set(bank.questions.map((q) => q.id)),
  });
});

const templates = () =>
  loaded.items.filter((i): i is NumericTemplate => i.kind === 'numeric-template');

/** [parameters, answer] worked out by hand; see the comments for the arithmetic. */
const HAND_CHECKED: Record<string, [Record<string, number>, number][]> = {
  // o = floor((W + 2P − K) / S) + 1
  'conv-output-size': [
    [{ W: 28, K: 5, P: 0, S: 1 }, 24], // 23 / 1 + 1
    [{ W: 13, K: 3, P: 1, S: 2 }, 7], // 12 / 2 + 1
    [{ W: 64, K: 7, P: 3, S: 4 }, 16], // floor(63 / 4) + 1 = 15 + 1
    [{ W: 8, K: 1, P: 0, S: 3 }, 3], // floor(7 / 3) + 1
  ],
  // effective kernel K + (K−1)(D−1), then the same formula
  'dilated-conv-output-size': [
    [{ W: 20, K: 3, P: 0, S: 1, D: 2 }, 16], // kernel 5: 20 − 5 + 1
    [{ W: 32, K: 5, P: 4, S: 1, D: 2 }, 32], // kernel 9: 40 − 9 + 1
    [{ W: 17, K: 3, P: 1, S: 3, D: 4 }, 4], // kernel 9: floor(10 / 3) + 1
  ],
  // 1/C_out + 1/K²
  'dw-separable-cost-ratio': [
    [{ K: 3, Cout: 32 }, 0.1423611], // 0.03125 + 0.1111111
    [{ K: 5, Cout: 16 }, 0.1025], // 0.0625 + 0.04
    [{ K: 7, Cout: 512 }, 0.0223613], // 0.0019531 + 0.0204082
  ],
  // H·H·K²·Cin·Cout
  'standard-conv-mult-adds': [
    [{ H: 28, Cin: 16, Cout: 32, K: 3 }, 3612672], // 784 · 4608
    [{ H: 7, Cin: 64, Cout: 128, K: 1 }, 401408], // 49 · 8192
    [{ H: 14, Cin: 3, Cout: 16, K: 5 }, 235200], // 196 · 1200
  ],
  'im2col-rows': [
    [{ Cin: 16, K: 3 }, 144],
    [{ Cin: 128, K: 1 }, 128],
    [{ Cin: 32, K: 5 }, 800],
  ],
  // Xavier as the bank writes it: 1/n
  'xavier-variance': [
    [{ n: 64 }, 0.015625],
    [{ n: 500 }, 0.002],
    [{ n: 200 }, 0.005],
  ],
  // He: 2/n
  'he-variance': [
    [{ n: 64 }, 0.03125],
    [{ n: 1000 }, 0.002],
    [{ n: 400 }, 0.005],
  ],
  // sqrt(2 / (Cin·K²))
  'he-conv-std': [
    [{ K: 3, Cin: 16 }, 0.1178511], // sqrt(2 / 144)
    [{ K: 5, Cin: 32 }, 0.05], // sqrt(2 / 800) = sqrt(0.0025)
    [{ K: 1, Cin: 256 }, 0.0883883], // sqrt(1 / 128)
  ],
  // (I + H)·H + H
  'rnn-params': [
    [{ I: 32, H: 64 }, 6208], // 96 · 64 + 64
    [{ I: 8, H: 16 }, 400], // 24 · 16 + 16
    [{ I: 256, H: 128 }, 49280], // 384 · 128 + 128
  ],
  // 4 × the RNN's
  'lstm-params': [
    [{ I: 32, H: 64 }, 24832],
    [{ I: 8, H: 16 }, 1600],
    [{ I: 256, H: 128 }, 197120],
  ],
  'gn-stat-count': [
    [{ N: 2, k: 32 }, 64],
    [{ N: 32, k: 4 }, 128],
    [{ N: 4, k: 16 }, 64],
  ],
  // β·m + (1 − β)·g
  'momentum-update': [
    [{ b: 0.8, m: 2, g: -1 }, 1.4], // 1.6 − 0.2
    [{ b: 0.5, m: 0, g: 2 }, 1],
    [{ b: 0.99, m: -1.5, g: 3 }, -1.455], // −1.485 + 0.03
  ],
  // b − α(ŷ − y)
  'logistic-update': [
    [{ b0: 0.5, a: 0.1, p: 0.2, y: 0 }, 0.48],
    [{ b0: -1, a: 1, p: 0.9, y: 1 }, -0.9],
    [{ b0: 0, a: 0.5, p: 0.7, y: 1 }, 0.15],
  ],
  'l2-reg-gradient': [
    [{ w: 0 }, 0],
    [{ w: 2.75 }, 5.5],
    [{ w: -0.25 }, -0.5],
  ],
};

describe('data/items', () => {
  it('lints clean against the default bank', () => {
    expect(loaded.issues).toEqual([]);
    expect(loaded.files.length).toBeGreaterThanOrEqual(5);
  });

  it('has at least 30 items, each with sources, tags, prompt and explanation', () => {
    expect(loaded.items.length).toBeGreaterThanOrEqual(30);
    for (const item of loaded.items) {
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      expect(item.tags.length, item.id).toBeGreaterThan(0);
      expect(item.explanation.length, item.id).toBeGreaterThan(0);
    }
  });

  it('has the templates the issue asks for (Q3, Q31, Q39, Q1)', () => {
    const ids = templates().map((t) => t.id);
    for (const id of [
      'conv-output-size',
      'dilated-conv-output-size',
      'dw-separable-cost-ratio',
      'rnn-params',
      'lstm-params',
      'xavier-variance',
      'he-variance',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('has hand-checked cases for every template, at least three each', () => {
    expect(Object.keys(HAND_CHECKED).sort()).toEqual(
      templates()
        .map((t) => t.id)
        .sort(),
    );
    for (const cases of Object.values(HAND_CHECKED)) expect(cases.length).toBeGreaterThanOrEqual(3);
  });

  for (const [id, cases] of Object.entries(HAND_CHECKED)) {
    it(`template ${id} computes the hand-checked answers`, () => {
      const template = templates().find((t) => t.id === id)!;
      for (const [values, answer] of cases) {
        for (const p of template.params)
          expect(p.values, `${id}.${p.name}`).toContain(values[p.name]);
        const item = instantiateWith(template, new Map(Object.entries(values)));
        expect(item.answer, `${id} ${JSON.stringify(values)}`).toBeCloseTo(answer, 6);
        expect(grade(item, { text: String(answer) }).correct).toBe(true);
        expect(item.prompt).not.toContain('{{');
        expect(item.explanation).not.toContain('{{');
        for (const v of Object.values(values)) expect(item.prompt).toContain(String(v));
      }
    });
  }

  it('plain numeric and choice items have answers the grader accepts', () => {
    const plain = loaded.items.filter(
      (i): i is Exclude<AuthoredItem, NumericTemplate> => i.kind !== 'numeric-template',
    );
    for (const item of plain) {
      const response =
        item.kind === 'numeric'
          ? { text: String(item.answer) }
          : { optionIds: item.kind === 'choice' ? item.answer : [item.answerOption] };
      expect(grade(item, response).correct, item.id).toBe(true);
    }
    const byId = (id: string) => plain.find((i) => i.id === id)!;
    expect(byId('dw-kernel-params')).toMatchObject({ kind: 'numeric', answer: 432 });
    expect(byId('bn-eps-default')).toMatchObject({ kind: 'numeric', answer: 0.00001 });
  });
});
