import type { Block, ImageRef, Inline } from '../bank/model.js';
import type { Span, TextTone } from './document.js';
import type { PartWriter } from './writer.js';

/** What turning blocks into parts needs besides the writer. */
export interface BlockContext {
  /** Inline TeX as Unicode text, or null when it needs an image. */
  inlineMath(tex: string): string | null;
  /** The next marker for an inline formula shown as an image: `⟨1⟩`, `⟨2⟩` … across the document. */
  nextLabel(): string;
}

type Marks = Omit<Span, 'text'>;

const PARAGRAPH_GAP = '\n\n';
const LINE_GAP = '\n';
const BULLET = '• ';

/** Writes blocks in order; `tone` is `quote` inside a block quote. */
export function writeBlocks(
  blocks: readonly Block[],
  w: PartWriter,
  ctx: BlockContext,
  tone: TextTone = 'body',
): void {
  for (const block of blocks) writeBlock(block, w, ctx, tone, PARAGRAPH_GAP);
}

function writeBlock(
  block: Block,
  w: PartWriter,
  ctx: BlockContext,
  tone: TextTone,
  gap: string,
): void {
  switch (block.type) {
    case 'paragraph':
      w.write(tone, inlineSpans(block.children, w, ctx), gap);
      w.endParagraph();
      return;
    case 'heading':
      w.write(tone, inlineSpans(block.children, w, ctx, { bold: true }), gap);
      w.endParagraph();
      return;
    case 'math':
      w.push({ type: 'formula', tex: block.tex.trim(), display: true, label: null });
      return;
    case 'code':
      w.push({ type: 'code', lang: block.lang, code: block.value });
      return;
    case 'list':
      writeList(block, w, ctx, tone, gap, '');
      return;
    case 'quote':
      writeBlocks(block.children, w, ctx, 'quote');
      return;
    case 'image':
      writeFigure(block.image, w, 'push');
      return;
    case 'table':
      writeTable(block.rows, w, ctx, tone, gap);
      return;
    case 'rule':
      w.write(tone, [{ text: '———' }], gap);
      return;
    case 'html': {
      const text = block.value.replace(/<[^>]*>/g, '').trim();
      if (text) w.write(tone, [{ text }], gap);
      return;
    }
  }
}

/**
 * Lists become lines with `• ` or `1. ` markers; an item's later paragraphs and nested lists are
 * indented under it. Chat has no real list markup that survives splitting, so text it is.
 */
function writeList(
  list: Extract<Block, { type: 'list' }>,
  w: PartWriter,
  ctx: BlockContext,
  tone: TextTone,
  gap: string,
  indent: string,
): void {
  list.items.forEach((item, i) => {
    const marker = list.ordered ? `${(list.start ?? 1) + i}. ` : BULLET;
    const hang = indent + ' '.repeat(marker.length);
    item.forEach((child, j) => {
      const itemGap = i === 0 && j === 0 ? gap : LINE_GAP;
      const prefix = j === 0 ? indent + marker : hang;
      if (child.type === 'paragraph' || child.type === 'heading') {
        const marks: Marks = child.type === 'heading' ? { bold: true } : {};
        w.write(
          tone,
          [{ text: prefix }, ...indentBreaks(inlineSpans(child.children, w, ctx, marks), hang)],
          itemGap,
        );
        w.endParagraph();
      } else if (child.type === 'list') {
        writeList(child, w, ctx, tone, itemGap, hang);
      } else {
        writeBlock(child, w, ctx, tone, itemGap);
      }
    });
  });
}

function writeTable(
  rows: Inline[][][],
  w: PartWriter,
  ctx: BlockContext,
  tone: TextTone,
  gap: string,
): void {
  rows.forEach((row, r) => {
    const spans: Span[] = [];
    row.forEach((cell, c) => {
      if (c > 0) spans.push({ text: ' | ' });
      spans.push(...inlineSpans(cell, w, ctx, r === 0 ? { bold: true } : {}));
    });
    w.write(tone, spans, r === 0 ? gap : LINE_GAP);
  });
  w.endParagraph();
}

/** A local figure becomes an image part; one that is missing or remote becomes a short note. */
function writeFigure(image: ImageRef, w: PartWriter, how: 'push' | 'defer'): void {
  if (image.status === 'local' && image.path) {
    const part = { type: 'figure' as const, path: image.path, alt: image.alt };
    if (how === 'push') w.push(part);
    else w.defer(part);
    return;
  }
  const name = figureName(image);
  const spans: Span[] =
    image.status === 'remote'
      ? [{ text: 'Figure not shown (external image): ' }, { text: name, href: image.url }]
      : [{ text: `Figure not available: ${name}` }];
  const note = { type: 'text' as const, tone: 'note' as const, note: figureNote(image), spans };
  if (how === 'push') w.push(note);
  else w.defer(note);
}

function figureNote(image: ImageRef): 'figure-remote' | 'figure-missing' {
  return image.status === 'remote' ? 'figure-remote' : 'figure-missing';
}

/** The alt text when it says something, else the file name. */
function figureName(image: ImageRef): string {
  if (image.alt && !/^(img|image|\d+)$/i.test(image.alt.trim())) return image.alt.trim();
  if (image.status === 'remote')
    return URL.canParse(image.url) ? new URL(image.url).hostname : image.url;
  return image.url.split(/[?#]/)[0]!.split('/').pop() || image.url;
}

/** Inline runs as spans. Math becomes Unicode or a marker whose image follows the paragraph. */
function inlineSpans(
  runs: readonly Inline[],
  w: PartWriter,
  ctx: BlockContext,
  marks: Marks = {},
): Span[] {
  const out: Span[] = [];
  for (const run of runs) {
    switch (run.type) {
      case 'text':
        out.push({ ...marks, text: joinSoftBreaks(run.value) });
        break;
      case 'strong':
        out.push(...inlineSpans(run.children, w, ctx, { ...marks, bold: true }));
        break;
      case 'emphasis':
      case 'underline':
        out.push(...inlineSpans(run.children, w, ctx, { ...marks, italic: true }));
        break;
      case 'code':
        out.push({ ...marks, code: true, text: run.value });
        break;
      case 'math':
        out.push({ ...marks, text: inlineFormula(run.tex, w, ctx) });
        break;
      case 'link': {
        const children = inlineSpans(run.children, w, ctx, { ...marks, href: run.url });
        out.push(
          ...(children.some((s) => s.text.trim())
            ? children
            : [{ ...marks, href: run.url, text: run.url }]),
        );
        break;
      }
      case 'image':
        writeFigure(run.image, w, 'defer');
        break;
      case 'break':
        out.push({ text: '\n' });
        break;
    }
  }
  return out;
}

/**
 * The inline-math rule. Chat cannot put a picture inside a sentence, so an inline formula that
 * `inlineMath` can spell in Unicode (`$\hat{y}$` → ŷ) stays in the sentence as text; any other
 * becomes a numbered marker `⟨n⟩` in the sentence, and the formula, rendered as an image with
 * that label, follows the paragraph (list item, table) it belongs to. Numbers run through the
 * whole document so every marker names one image.
 */
function inlineFormula(tex: string, w: PartWriter, ctx: BlockContext): string {
  const unicode = ctx.inlineMath(tex);
  if (unicode !== null) return unicode;
  const label = ctx.nextLabel();
  w.defer({ type: 'formula', tex: tex.trim(), display: false, label });
  return label;
}

/** Continuation lines of a list item line up under its text. */
function indentBreaks(spans: Span[], hang: string): Span[] {
  return spans.map((s) =>
    s.text.includes('\n') && !s.code ? { ...s, text: s.text.replace(/\n/g, `\n${hang}`) } : s,
  );
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Soft line breaks in Markdown source are spaces, or nothing between two CJK characters. */
function joinSoftBreaks(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, (_m, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + _m.length] ?? '';
    return CJK.test(before) && CJK.test(after) ? '' : ' ';
  });
}
