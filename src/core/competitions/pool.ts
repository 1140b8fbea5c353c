/**
 * The items competitions draw from, and how a competition's rounds are chosen from them: a fixed
 * pool built once per bank, then per competition a seeded sample with templates drawn and options
 * shuffled, so the same seed always gives the same rounds.
 */
import type { Question } from '../bank/model.js';
import { generateItems } from '../items/generate/index.js';
import type { AuthoredItem, ChoiceOption, Item } from '../items/model.js';
import { createRng, type Rng } from '../items/random.js';
import { authoredFor, concreteItems, hasTag, sampleItems } from '../items/sample.js';

/** Generation is seeded too; a fixed seed keeps the pool the same across processes and restarts. */
export const POOL_SEED = 'quizbot-competitions';

/** Ready items and templates, all from complete questions of the loaded bank. */
export interface CompetitionPool {
  readonly items: readonly AuthoredItem[];
  /** Tags that have at least one item, sorted. */
  readonly tags: readonly string[];
}

/**
 * Generated items (from complete questions only) plus the authored items whose every source is a
 * complete question of the bank: items about incomplete questions are left out of competitions.
 */
export function competitionPool(
  questions: readonly Question[],
  authored: readonly AuthoredItem[],
): CompetitionPool {
  const complete = new Set(questions.filter((q) => q.complete).map((q) => q.id));
  const items: AuthoredItem[] = [
    ...generateItems(questions, { seed: POOL_SEED }).items,
    ...authoredFor(authored, complete),
  ];
  const tags = [...new Set(items.flatMap((i) => i.tags))].sort();
  return { items, tags };
}

/** Maps typed tags to the pool's spelling, ignoring case; the unknown ones are listed. */
export function resolvePoolTags(
  pool: CompetitionPool,
  typed: readonly string[],
): { tags: string[]; unknown: string[] } {
  const byLower = new Map(pool.tags.map((t) => [t.toLowerCase(), t]));
  const tags: string[] = [];
  const unknown: string[] = [];
  for (const raw of typed.map((t) => t.trim()).filter(Boolean)) {
    const tag = byLower.get(raw.toLowerCase());
    if (tag) tags.push(tag);
    else unknown.push(raw);
  }
  return { tags: [...new Set(tags)], unknown };
}

/**
 * Up to `n` rounds' items with any of `tags` (all when empty), fixed by the seed: templates get
 * their numbers drawn, then a sample where every source question gives one item before any gives
 * two, then each choice or cloze item's options shuffled and relabelled a, b, c… for its round.
 */
export function chooseRounds(
  pool: CompetitionPool,
  options: { n: number; tags: readonly string[]; seed: string },
): Item[] {
  const matching = pool.items.filter(
    (item) => options.tags.length === 0 || options.tags.some((tag) => hasTag(item, tag)),
  );
  const concrete = concreteItems(matching, options.seed);
  return sampleItems(concrete, { n: options.n, seed: options.seed }).map((item, round) =>
    shuffleOptions(item, createRng(options.seed, `options:${round}`)),
  );
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The item with its options in a random order and relabelled in that order, its answer following
 * the relabelling. Authored items often list the right option first; this moves it.
 */
export function shuffleOptions(item: Item, rng: Rng): Item {
  if (item.kind === 'numeric') return item;
  const order = rng.shuffle(item.options);
  const relabel = new Map(order.map((o, i) => [o.id, LETTERS[i]!]));
  const options: ChoiceOption[] = order.map((o) => ({ id: relabel.get(o.id)!, text: o.text }));
  if (item.kind === 'choice') {
    const answer = item.answer.map((id) => relabel.get(id)!).sort();
    return { ...item, options, answer };
  }
  return { ...item, options, answerOption: relabel.get(item.answerOption)! };
}
