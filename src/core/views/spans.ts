import type { FlowPart, RenderedPart, Span } from './document.js';

/** The visible characters of spans, markup left out. */
export function spansText(spans: readonly Span[]): string {
  return spans.map((s) => s.text).join('');
}

function sameMarks(a: Span, b: Span): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.href === b.href;
}

/** Drops empty spans and merges neighbours with the same marks, so markup stays minimal. */
export function normalizeSpans(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    if (!span.text) continue;
    const last = out[out.length - 1];
    if (last && sameMarks(last, span))
      out[out.length - 1] = { ...last, text: last.text + span.text };
    else out.push({ ...span });
  }
  return out;
}

/** The spans covering characters [start, end) of their text; marks are kept on both sides of a cut. */
export function sliceSpans(spans: readonly Span[], start: number, end: number): Span[] {
  const out: Span[] = [];
  let pos = 0;
  for (const span of spans) {
    const from = Math.max(start, pos);
    const to = Math.min(end, pos + span.text.length);
    if (from < to) out.push({ ...span, text: span.text.slice(from - pos, to - pos) });
    pos += span.text.length;
  }
  return out;
}

/**
 * The text a part contributes to a document: what a reader could copy out of it. Layout only
 * ever cuts text and code into pieces whose texts concatenate back to the whole, so tests can
 * check that nothing was lost by comparing these.
 */
export function partText(part: RenderedPart): string {
  switch (part.type) {
    case 'text':
      return spansText(part.spans);
    case 'code':
      return part.code;
    case 'image':
      return '';
  }
}

/** True for the bot's own muted notes, which some platforms keep in boxes of their own. */
export function isNote(part: FlowPart): boolean {
  return part.type === 'text' && part.tone === 'note';
}
