/**
 * The lookup service over one loaded bank: ranked search, id resolution and autocomplete. Built
 * once at load (tens of milliseconds); each query then takes microseconds.
 */
import type { Question } from '../bank/model.js';
import { createEngine, type Match } from './engine.js';
import { createIdResolver } from './resolve-id.js';
import { excerpt, findRanges, prepare, type Excerpt, type Prepared } from './snippet.js';
import { suggestionFor } from './suggest.js';
import { tokenize } from './tokenize.js';
import type { SearchHit, SearchIndex, SearchOptions, Suggestion } from './types.js';

export type { SearchHit, SearchIndex, SearchOptions, Suggestion } from './types.js';
export type { Excerpt, Range } from './snippet.js';
export { SUGGESTION_LABEL_MAX } from './suggest.js';

/** Longest query looked at; anything longer is cut, so pasted essays stay cheap. */
const MAX_QUERY_CHARS = 256;
/** Most distinct terms used from one query. */
const MAX_QUERY_TERMS = 32;
const DEFAULT_LIMIT = 10;
const DEFAULT_SUGGESTIONS = 25;
const EXCERPT_WIDTH = 100;

/** Indexes the questions for search, id resolution and autocomplete. */
export function buildSearchIndex(questions: readonly Question[]): SearchIndex {
  const engine = createEngine(questions);
  const resolver = createIdResolver(questions);
  const position = new Map<string, number>();
  questions.forEach((q, n) => position.has(q.id) || position.set(q.id, n));
  const texts = questions.map(prepareTexts);

  const hit = (m: Match): SearchHit => {
    const q = questions[m.n]!;
    const t = texts[m.n]!;
    return {
      id: q.id,
      title: q.title,
      score: m.score,
      titleHighlights: findRanges(t.title, m.terms),
      excerpt: bestExcerpt(t, m.terms),
    };
  };

  return {
    search(query, options: SearchOptions = {}) {
      const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
      const text = query.slice(0, MAX_QUERY_CHARS);
      const accept = tagFilter(questions, options.tag);
      const terms = queryTerms(text);
      const matches = engine.run(terms, 'search', accept);
      const pinnedId = resolver.resolve(text);
      const pinned = pinnedId === null ? undefined : position.get(pinnedId);
      if (pinned !== undefined && (!accept || accept(pinned))) {
        const rest = matches.filter((m) => m.n !== pinned);
        const score = (matches[0]?.score ?? 0) + 1;
        const own = matches.find((m) => m.n === pinned);
        return [{ n: pinned, score, terms: own?.terms ?? [] }, ...rest].slice(0, limit).map(hit);
      }
      return matches.slice(0, limit).map(hit);
    },

    resolveId: (input) => resolver.resolve(input.slice(0, MAX_QUERY_CHARS)),

    suggest(input, limit = DEFAULT_SUGGESTIONS): Suggestion[] {
      const text = input.slice(0, MAX_QUERY_CHARS);
      const max = Math.max(0, limit);
      if (text.trim() === '') return questions.slice(0, max).map(suggestionFor);
      const exact = resolver.resolve(text);
      const ids = [...(exact ? [exact] : []), ...resolver.byPrefix(text)];
      const order = ids.map((id) => position.get(id)!);
      for (const m of engine.run(queryTerms(text), 'suggest')) order.push(m.n);
      return [...new Set(order)].slice(0, max).map((n) => suggestionFor(questions[n]!));
    },
  };
}

function queryTerms(text: string): string[] {
  return [...new Set(tokenize(text, 'query'))].slice(0, MAX_QUERY_TERMS);
}

interface Texts {
  title: Prepared;
  text: Prepared;
  keyPoints: Prepared;
}

function prepareTexts(q: Question): Texts {
  return { title: prepare(q.title), text: prepare(q.text), keyPoints: prepare(q.keyPoints ?? '') };
}

/** From the answer when it holds a matched term, else from the key points when they do. */
function bestExcerpt(t: Texts, terms: readonly string[]): Excerpt {
  const inText = findRanges(t.text, terms);
  if (inText.length > 0) return excerpt(t.text, inText, EXCERPT_WIDTH);
  const inKeyPoints = findRanges(t.keyPoints, terms);
  if (inKeyPoints.length > 0 || t.text.text === '')
    return excerpt(t.keyPoints, inKeyPoints, EXCERPT_WIDTH);
  return excerpt(t.text, [], EXCERPT_WIDTH);
}

function tagFilter(questions: readonly Question[], tag: string | undefined) {
  if (tag === undefined || tag.trim() === '') return undefined;
  const wanted = tag.trim().toLowerCase();
  return (n: number): boolean => {
    const q = questions[n]!;
    return [...q.tags, ...q.sections].some((t) => t.toLowerCase() === wanted);
  };
}
