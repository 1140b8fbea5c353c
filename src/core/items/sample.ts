import type { AuthoredItem, Item } from './model.js';
import { createRng } from './random.js';
import { instantiate } from './template.js';

/** True when the item carries the tag, ignoring case; no tag matches everything. */
export function hasTag(item: { tags: readonly string[] }, tag: string | undefined): boolean {
  const want = tag?.trim().toLowerCase();
  return !want || item.tags.some((t) => t.toLowerCase() === want);
}

/**
 * Authored items that fit a bank: every source must be one of its questions. Items written for
 * the default bank are left out when another bank is loaded, rather than pointing nowhere.
 */
export function authoredFor(
  items: readonly AuthoredItem[],
  questionIds: ReadonlySet<string>,
): AuthoredItem[] {
  return items.filter((item) => item.sources.every((id) => questionIds.has(id)));
}

/** Playable items for one seed: templates get their numbers drawn (one instance per template). */
export function concreteItems(items: readonly AuthoredItem[], seed: string): Item[] {
  return items.map((item) =>
    item.kind === 'numeric-template' ? instantiate(item, createRng(seed, item.id)) : item,
  );
}

/**
 * Up to `n` distinct items with the tag, in an order fixed by the seed. Questions take turns: every
 * source question gives one item before any gives a second, so one long answer (Q28 has a dozen
 * excerpts) does not fill a round on its own.
 */
export function sampleItems(
  pool: readonly Item[],
  options: { n: number; seed: string; tag?: string },
): Item[] {
  const matching = pool.filter((item) => hasTag(item, options.tag));
  const shuffled = createRng(options.seed, 'sample').shuffle(matching);
  const turn = new Map<string, number>();
  const ranked = shuffled.map((item) => {
    const key = item.sources.join('+');
    const n = turn.get(key) ?? 0;
    turn.set(key, n + 1);
    return { item, n };
  });
  // Array#sort is stable, so within a turn the shuffled order stands.
  return ranked
    .sort((a, b) => a.n - b.n)
    .slice(0, options.n)
    .map((r) => r.item);
}
