import type { Block, Inline, Question } from '../../bank/model.js';
import { inlineText } from '../../bank/text.js';
import { MIN_EXCERPT_UNITS, proseUnits } from './rules.js';

/**
 * Raw material for generated items, before any quality rule: excerpts (key points, paragraphs,
 * short lists) and bold runs in their sentences. Everything is read from the typed block tree, so
 * any bank the parser reads works, whatever its language.
 */

export interface ExcerptCandidate {
  question: Question;
  kind: 'key-points' | 'paragraph' | 'list';
  line: number;
  text: string;
  /** A paragraph that is only links or bare URLs ("[补充阅读](…)"): nothing to recognise. */
  linkOnly: boolean;
}

export interface TermCandidate {
  question: Question;
  line: number;
  /** The sentence around the bold run, and the run's place in it. */
  sentence: string;
  start: number;
  end: number;
}

/** Key points, then every paragraph and every list (its items' first lines joined) in the answer. */
export function excerptCandidates(question: Question): ExcerptCandidate[] {
  const out: ExcerptCandidate[] = [];
  if (question.keyPoints?.trim()) {
    const text = question.keyPoints.trim();
    out.push({ question, kind: 'key-points', line: question.source.line, text, linkOnly: false });
  }
  walkBlocks(question.answer, (block) => {
    if (block.type === 'paragraph') {
      // A leading link label such as `[解读]` (a "read more" link) says nothing about the topic.
      const text = inlineText(block.children)
        .trim()
        .replace(/^\[[^\]]{1,12}\]\s*/u, '');
      out.push({
        question,
        kind: 'paragraph',
        line: block.line,
        text,
        linkOnly: isLinkOnly(block.children),
      });
    } else if (block.type === 'list' && block.items.length >= 2) {
      const heads = block.items.map((item) => firstLine(item)).filter(Boolean);
      // Items long enough to stand alone are excerpts by themselves; joining them is only
      // worth it for terse lists (`增大感受野；平移不变性；减少计算量`).
      if (heads.every((h) => proseUnits(h) >= MIN_EXCERPT_UNITS)) return;
      out.push({
        question,
        kind: 'list',
        line: block.line,
        text: heads.join('；'),
        linkOnly: false,
      });
    }
  });
  return out.filter((c) => c.text !== '');
}

function isLinkOnly(runs: readonly Inline[]): boolean {
  const visible = runs.filter(
    (r) => !(r.type === 'text' && r.value.trim() === '') && r.type !== 'break',
  );
  return (
    visible.length > 0 &&
    visible.every(
      (r) => r.type === 'link' || (r.type === 'text' && /^\s*https?:\/\/\S+\s*$/.test(r.value)),
    )
  );
}

function firstLine(item: readonly Block[]): string {
  const head = item[0];
  return head?.type === 'paragraph'
    ? inlineText(head.children)
        .trim()
        .replace(/[。；;.]$/u, '')
    : '';
}

/** Every top-level bold run in the answer's paragraphs, with its sentence. */
export function termCandidates(question: Question): TermCandidate[] {
  const out: TermCandidate[] = [];
  walkBlocks(question.answer, (block) => {
    if (block.type !== 'paragraph') return;
    const text = inlineText(block.children);
    for (const run of strongRuns(block.children)) {
      const [from, to] = sentenceAround(text, run.start, run.end);
      const lead = text.slice(from, to).length - text.slice(from, to).trimStart().length;
      const sentence = text.slice(from, to).trim();
      out.push({
        question,
        line: block.line,
        sentence,
        start: run.start - from - lead,
        end: run.end - from - lead,
      });
    }
  });
  return out;
}

function strongRuns(runs: readonly Inline[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = 0;
  for (const run of runs) {
    const length = inlineText([run]).length;
    if (run.type === 'strong') out.push({ start: at, end: at + length });
    at += length;
  }
  return out;
}

/** Ends of a sentence: Chinese and Latin full stops, semicolons, line breaks. */
const BOUNDARY = /[。！？；!?;\n]|\.(?=\s|$)/gu;

/** The sentence holding [start, end): from the boundary before it to the one after it (kept). */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(BOUNDARY)) {
    if (m.index < start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index + m[0].length;
      break;
    }
  }
  return [from, to];
}

/** Visits blocks depth-first (lists, quotes), so nested paragraphs count too. */
function walkBlocks(blocks: readonly Block[], visit: (block: Block) => void): void {
  for (const block of blocks) {
    visit(block);
    if (block.type === 'list') for (const item of block.items) walkBlocks(item, visit);
    else if (block.type === 'quote') walkBlocks(block.children, visit);
  }
}
