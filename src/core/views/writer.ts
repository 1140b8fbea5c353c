import type { DocPart, NoteKind, Span, TextPart, TextTone } from './document.js';
import { normalizeSpans } from './spans.js';

/**
 * Collects document parts in reading order. Consecutive text of one tone is merged into one text
 * part (layout splits it again only where a platform limit forces it), and pictures that belong
 * to a paragraph (inline formulas that need an image, inline figures) wait until the paragraph
 * ends, so each lands right after the sentence that refers to it.
 */
export class PartWriter {
  readonly parts: DocPart[] = [];
  private open: TextPart | null = null;
  private deferred: DocPart[] = [];
  /** Set while writing the answer of a spoilered document; every new part is marked. */
  spoiler = false;

  /** Appends text of a tone; `gap` separates it from text already in the same part. */
  write(tone: TextTone, spans: Span[], gap: string): void {
    if (spans.every((s) => !s.text)) return;
    if (this.open && this.open.tone === tone && Boolean(this.open.spoiler) === this.spoiler) {
      this.open.spans = normalizeSpans([...this.open.spans, { text: gap }, ...spans]);
      return;
    }
    this.flushText();
    this.open = this.mark({ type: 'text', tone, spans: normalizeSpans(spans) });
  }

  /** Queues a part to follow the paragraph being written. */
  defer(part: DocPart): void {
    this.deferred.push(this.mark(part));
  }

  /** Ends a paragraph: its queued pictures follow it, which closes the current text part. */
  endParagraph(): void {
    if (this.deferred.length === 0) return;
    this.flushText();
    this.parts.push(...this.deferred);
    this.deferred = [];
  }

  /** Appends a block-level part (display formula, code, figure) after everything so far. */
  push(part: DocPart): void {
    this.endParagraph();
    this.flushText();
    this.parts.push(this.mark(part));
  }

  /** Appends a note of the bot's own as a part of its own. */
  note(note: NoteKind, spans: Span[]): void {
    this.push({ type: 'text', tone: 'note', note, spans: normalizeSpans(spans) });
  }

  /** The parts written, with anything still open flushed. */
  finish(): DocPart[] {
    this.endParagraph();
    this.flushText();
    return this.parts;
  }

  private flushText(): void {
    if (this.open && this.open.spans.length > 0) this.parts.push(this.open);
    this.open = null;
  }

  private mark<P extends DocPart>(part: P): P {
    return this.spoiler ? { ...part, spoiler: true } : part;
  }
}
