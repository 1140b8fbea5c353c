import { normalize, tokenize } from '../search/tokenize.js';

/**
 * How alike two option texts are. Two measures because they fail differently: edit distance
 * catches `Xavier 初始化` against `Xavier初始化。`, token overlap catches reordered words
 * (`l1 和 l2 loss` against `loss l2 和 l1`) that edit distance scores as far apart.
 */

/** Case, width, whitespace and punctuation folded away: the form answers are compared in. */
export function foldAnswer(text: string): string {
  return normalize(text).replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[y.length]!;
}

/** Edit distance of the folded texts divided by the longer length: 0 same, 1 nothing shared. */
function editRatio(a: string, b: string): number {
  const x = foldAnswer(a);
  const y = foldAnswer(b);
  const longest = Math.max(Array.from(x).length, Array.from(y).length);
  return longest === 0 ? 0 : editDistance(x, y) / longest;
}

/** Jaccard overlap of search terms (Chinese bigrams, Latin words): 1 same terms, 0 none shared. */
function tokenOverlap(a: string, b: string): number {
  const x = new Set(tokenize(a, 'query'));
  const y = new Set(tokenize(b, 'query'));
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Below this edit ratio two options read as the same text with a typo or a suffix. */
const NEAR_EDIT_RATIO = 0.25;
/** At or above this term overlap two options say the same thing in other words or order. */
const NEAR_TOKEN_OVERLAP = 0.6;

/** True when two options are duplicates or near-duplicates by either measure, or one holds the other. */
export function nearDuplicate(a: string, b: string): boolean {
  const x = foldAnswer(a);
  const y = foldAnswer(b);
  if (x === y || (x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x)))) return true;
  return editRatio(a, b) < NEAR_EDIT_RATIO || tokenOverlap(a, b) >= NEAR_TOKEN_OVERLAP;
}
