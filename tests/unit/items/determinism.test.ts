/** Items are reproducible from a seed: generation, template draws and sampling. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/bank/load.js';
import type { Question } from '../../../src/core/bank/model.js';
import { generateItems } from '../../../src/core/items/generate/index.js';
import type { AuthoredItem, ChoiceItem } from '../../../src/core/items/model.js';
import { createRng } from '../../../src/core/items/random.js';
import { concreteItems, sampleItems } from '../../../src/core/items/sample.js';
import { loadAuthoredItems } from '../../../src/items/load.js';
import { makeQuestion } from '../../support/question-factory.js';

let questions: Question[];
let authored: AuthoredItem[];

beforeAll(async () => {
  ({ questions } = await loadBank('data/questions.md'));
  ({ items: authored } = await loadAuthoredItems('data/items'));
});

const optionsOf = (items: readonly { id: string; kind: string }[]) =>
  items.map((i) => JSON.stringify((i as ChoiceItem).options ?? null));

describe('determinism', () => {
  it('the same seed gives the same generated items, option for option', () => {
    expect(generateItems(questions, { seed: 'round-1' })).toEqual(
      generateItems(questions, { seed: 'round-1' }),
    );
  });

  it('another seed shuffles options and distractors but keeps ids', () => {
    const a = generateItems(questions, { seed: 'a' }).items;
    const b = generateItems(questions, { seed: 'b' }).items;
    expect(b.map((i) => i.id)).toEqual(a.map((i) => i.id));
    const differing = optionsOf(a).filter((o, i) => o !== optionsOf(b)[i]).length;
    expect(differing).toBeGreaterThan(a.length / 2);
  });

  it('adding a question elsewhere does not change an existing item', () => {
    const before = generateItems(questions, { seed: 's' }).items.find(
      (i) => i.sources[0] === 'Q18',
    )!;
    const extra = makeQuestion({
      id: 'Q99',
      title: '全新的问题标题',
      tags: ['CI'],
      text: '一段完全不同的内容',
    });
    const after = generateItems([extra, ...questions], { seed: 's' }).items.find(
      (i) => i.id === before.id,
    );
    expect(after).toEqual(before);
  });

  it('templates draw the same numbers for the same seed, other numbers for others', () => {
    const first = concreteItems(authored, 'seed-1');
    expect(concreteItems(authored, 'seed-1')).toEqual(first);
    const other = concreteItems(authored, 'seed-2');
    const drawn = first.filter((i) => i.kind === 'numeric' && i.params);
    expect(drawn.length).toBeGreaterThanOrEqual(10);
    const changed = first.filter(
      (i, k) => i.kind === 'numeric' && i.params && i.id !== other[k]!.id,
    );
    expect(changed.length).toBeGreaterThan(drawn.length / 2);
  });

  it('sampling is fixed by the seed and spreads over questions', () => {
    const pool = [
      ...generateItems(questions, { seed: 'x' }).items,
      ...concreteItems(authored, 'x'),
    ];
    const a = sampleItems(pool, { n: 10, seed: 'x' });
    expect(sampleItems(pool, { n: 10, seed: 'x' })).toEqual(a);
    expect(sampleItems(pool, { n: 10, seed: 'y' }).map((i) => i.id)).not.toEqual(
      a.map((i) => i.id),
    );
    expect(new Set(a.map((i) => i.sources.join('+'))).size).toBe(10);
    const ml = sampleItems(pool, { n: 50, seed: 'x', tag: 'ml' });
    expect(ml.length).toBeGreaterThan(5);
    expect(ml.every((i) => i.tags.includes('ML'))).toBe(true);
  });

  it('the PRNG is a pure function of seed and label', () => {
    const take = (seed: string, label: string) => {
      const rng = createRng(seed, label);
      return [rng.next(), rng.int(1, 6), rng.pick(['a', 'b', 'c']), rng.shuffle([1, 2, 3, 4, 5])];
    };
    expect(take('s', 'l')).toEqual(take('s', 'l'));
    expect(take('s', 'l')).not.toEqual(take('s', 'm'));
    const rng = createRng('range');
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
  });
});
