/**
 * Short excerpts around matched terms. Highlights are ranges, not markup, so each platform renders
 * them its own way (Discord `**…**`, Slack `*…*`, a terminal's bold).
 */

/** A half-open range `[start, end)` of UTF-16 offsets into the excerpt's text. */
export type Range = readonly [start: number, end: number];

export interface Excerpt {
  text: string;
  highlights: Range[];
}

/** Text made ready for excerpts once, at index build: whitespace collapsed, a lowercased twin. */
export interface Prepared {
  text: string;
  /** Null when lowercasing changed the length (a few exotic letters); offsets would be wrong. */
  lower: string | null;
}

const ELLIPSIS = '…';
/** Share of the window kept before the first match, so the excerpt does not open on the match. */
const LEAD_IN = 0.25;
/** Occurrences looked at per term: enough to place the window, bounded on long answers. */
const MAX_HITS_PER_TERM = 16;
/** How far a cut may move to avoid splitting a Latin word (Han text can be cut anywhere). */
const SNAP = 16;
const LATIN_WORD = /[\p{Script=Latin}\p{N}_]/u;

/** Collapses whitespace and keeps a lowercased copy for matching. */
export function prepare(text: string): Prepared {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  return { text: flat, lower: lower.length === flat.length ? lower : null };
}

/** Every occurrence of the (lowercase) terms in the text, merged into sorted ranges. */
export function findRanges(prepared: Prepared, terms: readonly string[]): Range[] {
  const { lower } = prepared;
  if (lower === null) return [];
  const ranges: Range[] = [];
  for (const term of new Set(terms)) {
    if (term.length === 0) continue;
    let from = 0;
    for (let n = 0; n < MAX_HITS_PER_TERM; n++) {
      const at = lower.indexOf(term, from);
      if (at < 0) break;
      ranges.push([at, at + term.length]);
      from = at + term.length;
    }
  }
  return merge(ranges);
}

/** At most `width` characters around the matches `ranges` (from findRanges) of the text. */
export function excerpt(prepared: Prepared, ranges: readonly Range[], width: number): Excerpt {
  const { text } = prepared;
  if (text.length <= width) return { text, highlights: [...ranges] };
  const body = Math.max(1, width - 2 * ELLIPSIS.length);
  const first = align(text, Math.min(bestStart(text, ranges, body), text.length - body), 1);
  const last = align(text, first + body, -1);
  const inside = ranges.filter(([s, e]) => s >= first && e <= last);
  let start = snapForward(text, first, inside[0]?.[0] ?? last);
  let end = snapBack(text, last, inside.at(-1)?.[1] ?? start);
  if (text[start] === ' ') start += 1;
  if (text[end - 1] === ' ') end -= 1;
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < text.length ? ELLIPSIS : '';
  const shift = prefix.length - start;
  const highlights = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): Range => [s + shift, e + shift]);
  return { text: prefix + text.slice(start, end) + suffix, highlights };
}

/** The window start that shows the most distinct matched words. */
function bestStart(text: string, ranges: readonly Range[], width: number): number {
  let best = 0;
  let bestCount = 0;
  for (const [anchor] of ranges) {
    const start = Math.max(0, anchor - Math.floor(width * LEAD_IN));
    const distinct = new Set<string>();
    for (const [s, e] of ranges) {
      if (s >= start && e <= start + width) distinct.add(text.slice(s, e).toLowerCase());
    }
    if (distinct.size > bestCount) {
      best = start;
      bestCount = distinct.size;
    }
  }
  return best;
}

/** Moves a cut inside a Latin word forward to the word's end, when that is near and before `limit`. */
function snapForward(text: string, at: number, limit: number): number {
  if (at === 0 || !inWord(text, at)) return at;
  const stop = Math.min(limit, at + SNAP);
  for (let i = at; i < stop; i++) if (!LATIN_WORD.test(text[i]!)) return i + 1;
  return at;
}

/** Moves a cut inside a Latin word back to the word's start, when that is near and after `floor`. */
function snapBack(text: string, at: number, floor: number): number {
  if (at >= text.length || !inWord(text, at)) return at;
  const stop = Math.max(floor, at - SNAP);
  for (let i = at - 1; i >= stop; i--) if (!LATIN_WORD.test(text[i]!)) return i;
  return at;
}

function inWord(text: string, at: number): boolean {
  return LATIN_WORD.test(text[at - 1] ?? '') && LATIN_WORD.test(text[at] ?? '');
}

/** Moves a cut off the middle of a surrogate pair, forward (`1`) or back (`-1`). */
function align(text: string, at: number, direction: 1 | -1): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + direction : at;
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
