import type { CodePart, FlowPart, TextPart } from './document.js';
import { sliceSpans, spansText } from './spans.js';

/** A cut of one part: `head` fits where it was asked to, `tail` (if any) continues after it. */
export interface Cut<P extends FlowPart = FlowPart> {
  head: P | null;
  tail: P | null;
}

/**
 * Boundaries text may be cut at, coarsest first. Each is a regex whose match *end* is a cut
 * position, so the separator stays with the head and head + tail is exactly the original text.
 */
const TEXT_BOUNDARIES: readonly RegExp[] = [
  /\n[ \t]*\n\s*/g, // paragraph
  /\n\s*/g, // line
  /[。！？；!?;]+[”’」』）)]*\s*|\.+[”’)]*\s+/g, // sentence: CJK stops need no space, a full stop does
  /[，、：,:]\s*/g, // clause
  /\s+/g, // word
];

/**
 * A cut at a coarser boundary is taken only if it keeps at least this share of what would fit;
 * below that, a finer boundary is tried. Half a box is the trade: paragraphs stay whole where
 * that costs little room, and a long paragraph never leaves a box nearly empty.
 */
const MIN_FILL = 0.5;

/** Cuts a part so its head passes `fits`, at the best boundary; `head` is null when nothing fits. */
export function cutFlow(part: FlowPart, fits: (head: FlowPart) => boolean): Cut {
  return part.type === 'code' ? cutCode(part, fits) : cutText(part, fits);
}

function cutText(part: TextPart, fits: (head: FlowPart) => boolean): Cut<TextPart> {
  const text = spansText(part.spans);
  const piece = (from: number, to: number): TextPart => ({
    ...part,
    spans: sliceSpans(part.spans, from, to),
  });
  const offsets = codePointOffsets(text);
  const max = largestFitting(offsets, (o) => fits(piece(0, o)));
  if (max === 0) return { head: null, tail: part };
  if (max === text.length) return { head: part, tail: null };
  // Markup can make a shorter prefix render longer (an open bold span), so check the choice.
  const boundary = bestBoundary(text, max);
  const at = boundary !== max && fits(piece(0, boundary)) ? boundary : max;
  return { head: piece(0, at), tail: piece(at, text.length) };
}

/** The cut position: the last boundary of the coarsest kind that keeps enough of `max`. */
function bestBoundary(text: string, max: number): number {
  for (const re of TEXT_BOUNDARIES) {
    let best = 0;
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (end > max) break;
      if (end < text.length) best = end;
    }
    if (best > 0 && best >= max * MIN_FILL) return best;
  }
  return max;
}

/**
 * Code is cut only between lines, and each piece is fenced again by the platform; a single line
 * longer than the room is cut inside (nothing else can keep it). `continued` marks later pieces.
 */
function cutCode(part: CodePart, fits: (head: FlowPart) => boolean): Cut<CodePart> {
  const piece = (from: number, to: number): CodePart => {
    const p: CodePart = { ...part, code: part.code.slice(from, to) };
    if (from > 0) p.continued = true;
    return p;
  };
  if (fits(part)) return { head: part, tail: null };
  const lineEnds = [...part.code.matchAll(/\n/g)]
    .map((m) => m.index + 1)
    .filter((o) => o < part.code.length);
  let at = largestFitting(lineEnds, (o) => fits(piece(0, o)));
  if (at === 0) at = largestFitting(codePointOffsets(part.code), (o) => fits(piece(0, o)));
  if (at === 0) return { head: null, tail: part };
  return { head: piece(0, at), tail: piece(at, part.code.length) };
}

/**
 * The largest offset (from an ascending list) whose prefix fits, by binary search: a longer
 * prefix never renders shorter, so `fits` is monotone. 0 when none fits.
 */
function largestFitting(offsets: readonly number[], fits: (offset: number) => boolean): number {
  let lo = 0;
  let hi = offsets.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (fits(offsets[mid]!)) {
      found = offsets[mid]!;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Offsets 1…length that do not fall inside a surrogate pair, ascending. */
function codePointOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = 1; i <= text.length; i++) {
    const code = text.charCodeAt(i);
    if (i < text.length && code >= 0xdc00 && code <= 0xdfff) continue;
    out.push(i);
  }
  return out;
}
