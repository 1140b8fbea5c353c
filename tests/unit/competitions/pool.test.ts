/** The competition pool over the real bank and items: seeded choices, shuffled options, templates. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chooseRounds,
  shuffleOptions,
  type CompetitionPool,
} from '../../../src/core/competitions/pool.js';
import { loadBank } from '../../../src/bank/load.js';
import { grade } from '../../../src/core/items/grade.js';
import type { Item } from '../../../src/core/items/model.js';
import { createRng } from '../../../src/core/items/random.js';
import { choiceItem, defaultPool } from '../../support/competition-harness.js';

let pool: CompetitionPool;
let incomplete: Set<string>;
beforeAll(async () => {
  pool = await defaultPool();
  const bank = await loadBank('data/questions.md');
  incomplete = new Set(bank.questions.filter((q) => !q.complete).map((q) => q.id));
});

const rightIds = (item: Item) =>
  item.kind === 'choice' ? item.answer : item.kind === 'cloze' ? [item.answerOption] : [];

describe('the competition pool', () => {
  it('holds generated and authored items, none about an incomplete question', () => {
    expect(incomplete.size).toBeGreaterThan(0);
    expect(pool.items.length).toBeGreaterThan(100);
    expect(pool.items.some((i) => i.origin.kind === 'generated')).toBe(true);
    expect(pool.items.some((i) => i.kind === 'numeric-template')).toBe(true);
    expect(pool.items.filter((i) => i.sources.some((s) => incomplete.has(s)))).toEqual([]);
    expect(pool.tags).toEqual(expect.arrayContaining(['CI', 'DL', 'ML']));
  });
});

describe('chooseRounds', () => {
  it('gives the same rounds for the same seed, other rounds for another', () => {
    const a = chooseRounds(pool, { n: 10, tags: [], seed: 's1' });
    expect(chooseRounds(pool, { n: 10, tags: [], seed: 's1' })).toEqual(a);
    expect(chooseRounds(pool, { n: 10, tags: [], seed: 's2' }).map((i) => i.id)).not.toEqual(
      a.map((i) => i.id),
    );
    expect(new Set(a.map((i) => i.id)).size).toBe(10);
  });

  it('keeps to the tags asked for, and gives fewer rounds than asked when it runs out', () => {
    const items = chooseRounds(pool, { n: 10, tags: ['ML', 'CI'], seed: 'tags' });
    expect(items).toHaveLength(10);
    for (const item of items) expect(item.tags.some((t) => ['ML', 'CI'].includes(t))).toBe(true);
    const all = pool.items.filter((i) => i.tags.some((t) => ['ML', 'CI'].includes(t))).length;
    expect(
      chooseRounds(pool, { n: 20, tags: ['ml', 'CI'], seed: 'tags' }).length,
    ).toBeLessThanOrEqual(all);
  });

  it('draws template numbers, so a template round is a concrete numeric item', () => {
    const items = Array.from({ length: 30 }, (_, s) =>
      chooseRounds(pool, { n: 20, tags: ['DL'], seed: `t${s}` }),
    ).flat();
    const instances = items.filter(
      (i) => i.kind === 'numeric' && i.origin.kind === 'authored' && i.origin.template,
    );
    expect(instances.length).toBeGreaterThan(0);
    for (const i of instances) {
      expect(i.kind === 'numeric' && i.params).toBeTruthy();
      expect(i.prompt).not.toContain('{{');
    }
  });

  it('shuffles options per round: the right answer is not always first, and stays right', () => {
    const items = Array.from({ length: 10 }, (_, s) =>
      chooseRounds(pool, { n: 20, tags: [], seed: `shuffle-${s}` }),
    )
      .flat()
      .filter((i): i is Exclude<Item, { kind: 'numeric' }> => i.kind !== 'numeric');
    const firstIsRight = items.filter((i) => rightIds(i).includes('a')).length;
    expect(items.length).toBeGreaterThan(100);
    // Four options on average: about a quarter, never all.
    expect(firstIsRight / items.length).toBeGreaterThan(0.1);
    expect(firstIsRight / items.length).toBeLessThan(0.5);
    for (const item of items) {
      expect(item.options.map((o) => o.id)).toEqual(
        'abcdefgh'.slice(0, item.options.length).split(''),
      );
      expect(grade(item, { optionIds: rightIds(item).slice(0, 1) }).correct).toBe(
        item.kind === 'cloze' || (item.kind === 'choice' && item.answer.length === 1),
      );
    }
  });

  it('relabels options in their new order and moves the answer with its text', () => {
    const item = choiceItem(1);
    const orders = new Set<string>();
    for (let s = 0; s < 30; s++) {
      const shuffled = shuffleOptions(item, createRng(`relabel-${s}`));
      if (shuffled.kind !== 'choice') throw new Error('kind changed');
      expect(shuffled.options.map((o) => o.id)).toEqual(['a', 'b', 'c']);
      const right = shuffled.options.find((o) => o.id === shuffled.answer[0])!;
      expect(right.text).toBe('right 1');
      orders.add(shuffled.options.map((o) => o.text).join('|'));
    }
    expect(orders.size).toBeGreaterThan(3);
  });
});
