/**
 * The MiniSearch index over the bank and the matching rules for the two kinds of query: a search
 * (whole words, light typo tolerance) and an autocomplete (partial words, more typo tolerance).
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Question } from '../bank/model.js';
import { createFuzzyExpander } from './fuzzy.js';
import { isHanToken, normalize, tokenize } from './tokenize.js';

export type QueryKind = 'search' | 'suggest';

/** A question's position in the bank with its matched index terms and score. */
export interface Match {
  n: number;
  score: number;
  terms: string[];
}

export interface Engine {
  /** Matches for already tokenized query terms, best first; `accept` filters by position. */
  run(terms: readonly string[], kind: QueryKind, accept?: (n: number) => boolean): Match[];
}

interface Doc {
  n: number;
  id: string;
  title: string;
  keyPoints: string;
  text: string;
  tags: string;
}

const FIELDS = ['id', 'title', 'keyPoints', 'text', 'tags'] as const;
const BOOST: Record<QueryKind, Record<string, number>> = {
  search: { id: 3, title: 3, keyPoints: 1.5, tags: 1, text: 1 },
  suggest: { id: 3, title: 6, keyPoints: 1.5, tags: 1, text: 1 },
};
/** How much a typo-corrected word counts against the word as typed (MiniSearch's own default). */
const FUZZY_WEIGHT = 0.45;

/** Indexes the questions (by position, so repeated ids across banks cannot collide). */
export function createEngine(questions: readonly Question[]): Engine {
  const latin = new Set<string>();
  const tokens = (text: string, field?: string): string[] => {
    const out = field === 'id' ? [normalize(text)] : tokenize(text, 'index');
    for (const t of out) if (!isHanToken(t)) latin.add(t);
    return out;
  };
  const mini = new MiniSearch<Doc>({
    idField: 'n',
    fields: [...FIELDS],
    tokenize: tokens,
    processTerm: (t) => t,
  });
  mini.addAll(questions.map(toDoc));
  const expand = createFuzzyExpander(latin);

  return {
    run(terms, kind, accept) {
      if (terms.length === 0) return [];
      const typed = new Set(terms);
      const last = terms.at(-1);
      const weights = new Map<string, number>(terms.map((t) => [t, 1]));
      for (const term of terms) {
        for (const [word, distance] of expand(term, fuzziness(term, kind))) {
          if (!weights.has(word))
            weights.set(word, (FUZZY_WEIGHT * term.length) / (term.length + distance));
        }
      }
      const results = mini.search([...weights.keys()].join(' '), {
        tokenize: (joined) => joined.split(' '),
        processTerm: (term) => term,
        boost: BOOST[kind],
        boostTerm: (term) => weights.get(term) ?? 1,
        prefix: (term) => typed.has(term) && prefixes(term, kind, term === last),
        fuzzy: false,
        ...(accept ? { filter: (r: SearchResult) => accept(r.id as number) } : {}),
      });
      return results.map((r) => ({ n: r.id as number, score: r.score, terms: r.terms }));
    },
  };
}

function toDoc(q: Question, n: number): Doc {
  return {
    n,
    id: q.id,
    title: q.title,
    keyPoints: q.keyPoints ?? '',
    text: q.text,
    tags: [...q.tags, ...q.sections].join(' '),
  };
}

/** Latin words may be unfinished: always while typing, from three letters in a search. */
function prefixes(term: string, kind: QueryKind, isLast: boolean): boolean {
  if (isHanToken(term)) return false;
  return kind === 'suggest' ? isLast || term.length >= 3 : term.length >= 3;
}

/** Edits allowed in a Latin word; Han bigrams are too short for edit distance to mean anything. */
function fuzziness(term: string, kind: QueryKind): number {
  if (isHanToken(term) || /^\d+$/.test(term)) return 0;
  if (kind === 'suggest') return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
  return term.length >= 5 ? 1 : 0;
}
