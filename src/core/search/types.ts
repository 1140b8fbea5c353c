/** What the search module hands to commands, CLI and platform adapters. */
import type { Excerpt, Range } from './snippet.js';

export interface SearchOptions {
  /** Most hits to return (default 10). */
  limit?: number;
  /** Only questions carrying this tag or section (case-insensitive). */
  tag?: string;
}

export interface SearchHit {
  id: string;
  title: string;
  /** Relevance (BM25+ over the boosted fields); only the order is meaningful. */
  score: number;
  /** Matched terms in `title`. */
  titleHighlights: Range[];
  /** A short piece of the answer (or key points) around the match. */
  excerpt: Excerpt;
}

/** One autocomplete choice: `value` is `id`, the shown name is `label`. */
export interface Suggestion {
  id: string;
  title: string;
  /** `Q3 · title` (title alone for unnumbered questions), at most SUGGESTION_LABEL_MAX characters. */
  label: string;
}

export interface SearchIndex {
  /** Ranked questions for a free-text query; a query naming an id puts that question first. */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** The id the input names (`Q3`, `q3`, `3`, a hash id, an exact title), or null. */
  resolveId(input: string): string | null;
  /** Autocomplete over ids and titles, tolerant of prefixes and typos; id matches first. */
  suggest(input: string, limit?: number): Suggestion[];
}
