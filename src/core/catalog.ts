import type { Bank, Question } from './bank/model.js';
import {
  buildSearchIndex,
  type SearchHit,
  type SearchIndex,
  type Suggestion,
} from './search/index.js';

/** A loaded bank with its search index: what every lookup use case reads. */
export interface Catalog {
  bank: Bank;
  index: SearchIndex;
  get(id: string): Question | undefined;
  /** Tags and sections present in the bank, for validating `tag` options. */
  tags(): string[];
}

/** Indexes a bank for lookups. */
export function createCatalog(bank: Bank): Catalog {
  const index = buildSearchIndex(bank.questions);
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  const tags = [...new Set(bank.questions.flatMap((q) => q.tags))].sort();
  return { bank, index, get: (id) => byId.get(id), tags: () => tags };
}

export type ShowResult =
  | { kind: 'found'; question: Question }
  | { kind: 'unknown'; input: string; suggestions: Suggestion[] };

/** Finds the question an id (or title) names; on a miss, the closest suggestions. */
export function showQuestion(catalog: Catalog, input: string): ShowResult {
  const id = catalog.index.resolveId(input);
  const question = id === null ? undefined : catalog.get(id);
  if (question) return { kind: 'found', question };
  return { kind: 'unknown', input, suggestions: catalog.index.suggest(input, 5) };
}

export type SearchResult =
  { kind: 'hits'; query: string; hits: SearchHit[] } | { kind: 'empty-query' };

/** Ranked search; an empty query is an expected failure, not an error. */
export function searchQuestions(
  catalog: Catalog,
  query: string,
  options: { limit?: number; tag?: string } = {},
): SearchResult {
  if (!query.trim()) return { kind: 'empty-query' };
  return { kind: 'hits', query, hits: catalog.index.search(query, options) };
}

export type RandomResult =
  { kind: 'found'; question: Question } | { kind: 'none'; tag: string | null; known: string[] };

/** A random complete question, optionally with a tag (case-insensitive, tags or sections). */
export function randomQuestion(
  catalog: Catalog,
  options: { tag?: string; random?: () => number } = {},
): RandomResult {
  const want = options.tag?.trim().toLowerCase();
  const pool = catalog.bank.questions.filter(
    (q) =>
      q.complete && (!want || [...q.tags, ...q.sections].some((t) => t.toLowerCase() === want)),
  );
  if (pool.length === 0) return { kind: 'none', tag: options.tag ?? null, known: catalog.tags() };
  const pick = Math.floor((options.random ?? Math.random)() * pool.length);
  return { kind: 'found', question: pool[Math.min(pick, pool.length - 1)]! };
}
