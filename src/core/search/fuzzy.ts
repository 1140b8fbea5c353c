/**
 * Typo tolerance for Latin words, done here rather than by MiniSearch: its fuzzy lookup walks the
 * whole term tree, and the thousands of Han bigrams in it made one fuzzy word cost up to 0.7 ms.
 * Here only the few hundred Latin words are compared, and a swap of two neighbouring letters
 * (`Inceptoin`) counts as one edit, not two.
 */

/** Words of the vocabulary within `maxDistance` edits of `word`, with their distances. */
export type FuzzyExpander = (
  word: string,
  maxDistance: number,
) => Array<[word: string, distance: number]>;

/** Longest word compared; longer input is not a typo of anything in the bank. */
const MAX_WORD = 32;

/** Builds an expander over the vocabulary (duplicates are ignored). */
export function createFuzzyExpander(vocabulary: Iterable<string>): FuzzyExpander {
  const byLength: string[][] = Array.from({ length: MAX_WORD + 1 }, () => []);
  for (const word of new Set(vocabulary))
    if (word.length <= MAX_WORD) byLength[word.length]!.push(word);
  const rows = new Rows(MAX_WORD);
  return (word, maxDistance) => {
    const out: Array<[string, number]> = [];
    if (maxDistance < 1 || word.length > MAX_WORD) return out;
    const from = Math.max(0, word.length - maxDistance);
    const to = Math.min(MAX_WORD, word.length + maxDistance);
    for (let length = from; length <= to; length++) {
      for (const candidate of byLength[length]!) {
        if (candidate === word) continue;
        const distance = rows.distance(word, candidate, maxDistance);
        if (distance <= maxDistance) out.push([candidate, distance]);
      }
    }
    return out;
  };
}

/** Optimal string alignment distance between `a` and `b`, or `max + 1` once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  return new Rows(b.length).distance(a, b, max);
}

/** Three reusable rows of the dynamic programme (insert, delete, substitute, swap neighbours). */
class Rows {
  private readonly rows: [Int32Array, Int32Array, Int32Array];

  /** Room for words `b` of up to `capacity` characters. */
  constructor(capacity: number) {
    this.rows = [
      new Int32Array(capacity + 1),
      new Int32Array(capacity + 1),
      new Int32Array(capacity + 1),
    ];
  }

  distance(a: string, b: string, max: number): number {
    let [before, previous, current] = this.rows;
    for (let j = 0; j <= b.length; j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
      current[0] = i;
      let best = i;
      const ai = a.charCodeAt(i - 1);
      for (let j = 1; j <= b.length; j++) {
        const bj = b.charCodeAt(j - 1);
        let d = Math.min(
          previous[j]! + 1,
          current[j - 1]! + 1,
          previous[j - 1]! + (ai === bj ? 0 : 1),
        );
        if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
          d = Math.min(d, before[j - 2]! + 1);
        }
        current[j] = d;
        if (d < best) best = d;
      }
      if (best > max) return max + 1;
      [before, previous, current] = [previous, current, before];
    }
    return previous[b.length]!;
  }
}
