import type { Block, Inline } from '../core/bank/model.js';
import { inlineText, isBlankInline } from '../core/bank/text.js';
import { toBlocks } from './blocks.js';
import type { ConvertContext } from './inline.js';
import { type Markers, parseBadge } from './markers.js';
import type { Segment } from './segment.js';

/** What the parser extracts from one question segment before ids and cross-references are settled. */
export interface ParsedBody {
  tag: string | null;
  level: number | null;
  keyPoints: string | null;
  lead: Block[];
  answer: Block[];
  /** Explicit id from an `<!-- id: … -->` comment, when the author pinned one. */
  pinnedId: string | null;
  /** Whether an answer marker or `<details>` block was found. */
  marked: boolean;
}

const PINNED_ID = /<!--\s*(?:quizbot-)?id\s*:\s*([A-Za-z0-9][\w-]*)\s*-->/;

/**
 * Reads the body of a question: the badge (tag, level), key points, the optional lead, and the
 * answer, which starts after an `Answer:` marker or inside a `<details>` block, or is the whole
 * body when neither is present.
 */
export function parseBody(seg: Segment, markers: Markers, ctx: ConvertContext): ParsedBody {
  const out: ParsedBody = {
    tag: null,
    level: null,
    keyPoints: null,
    lead: [],
    answer: [],
    pinnedId: null,
    marked: false,
  };
  const blocks = toBlocks(seg.nodes, ctx);
  const answerIndex = findAnswerStart(blocks, markers);
  out.marked = answerIndex !== null;
  const target = (i: number): Block[] =>
    answerIndex === null || i >= answerIndex ? out.answer : out.lead;

  blocks.forEach((block, i) => {
    const beforeAnswer = answerIndex === null || i <= answerIndex;
    if (block.type === 'html') {
      const pinned = PINNED_ID.exec(block.value);
      if (pinned) out.pinnedId = pinned[1]!;
      if (isDetailsMarkup(block.value) || pinned) return;
    }
    if (beforeAnswer && block.type === 'image') {
      const badge = parseBadge(block.image.url);
      if (badge && out.tag === null) {
        out.tag = badge.tag;
        out.level = badge.level;
        return;
      }
    }
    if (block.type !== 'paragraph' || !beforeAnswer) {
      target(i).push(block);
      return;
    }
    let children = block.children;
    if (out.tag === null) children = takeBadge(children, out);
    const keyPoints = stripMarker(children, markers.keyPoints);
    if (keyPoints && out.keyPoints === null) {
      out.keyPoints = inlineText(keyPoints).trim() || null;
      return;
    }
    if (i === answerIndex) {
      const rest = stripMarker(children, markers.answer) ?? children;
      if (!isBlankInline(rest)) out.answer.push({ ...block, children: rest });
      return;
    }
    if (!isBlankInline(children)) target(i).push({ ...block, children });
  });
  trimTrailingRules(out.lead);
  trimTrailingRules(out.answer);
  return out;
}

/** The index of the block holding the answer marker, or just after an opening `<details>`. */
function findAnswerStart(blocks: Block[], markers: Markers): number | null {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === 'html' && /^<details\b/i.test(block.value))
      return i + 1 < blocks.length ? i + 1 : i;
    if (block.type === 'paragraph') {
      const text = inlineText(withoutBadges(block.children)).trim();
      if (markers.answer.test(text)) return i;
    }
  }
  return null;
}

function isDetailsMarkup(html: string): boolean {
  return /^<\/?(details|summary)\b/i.test(html) || /^<\/details>/i.test(html);
}

function withoutBadges(children: Inline[]): Inline[] {
  return children.filter((c) => !(c.type === 'image' && parseBadge(c.image.url)));
}

/** Removes a leading badge image from a paragraph, recording its tag and level. */
function takeBadge(children: Inline[], out: ParsedBody): Inline[] {
  const badge = children.find((c) => c.type === 'image' && parseBadge(c.image.url));
  if (!badge || badge.type !== 'image') return children;
  const parsed = parseBadge(badge.image.url)!;
  out.tag = parsed.tag;
  out.level = parsed.level;
  return trimLeading(children.filter((c) => c !== badge));
}

/**
 * If the paragraph starts with the marker, returns its runs with the marker removed; else null.
 * The marker may be plain text (`**Answer: **` is not valid emphasis) or a strong run (`**Answer:**`).
 */
export function stripMarker(children: Inline[], marker: RegExp): Inline[] | null {
  const runs = trimLeading(children);
  const first = runs[0];
  if (!first) return null;
  if (first.type === 'text') {
    const m = marker.exec(first.value);
    if (!m) return null;
    const rest = first.value.slice(m[0].length);
    return trimLeading(rest ? [{ type: 'text', value: rest }, ...runs.slice(1)] : runs.slice(1));
  }
  if (first.type === 'strong') {
    const label = inlineText(first.children);
    const next = runs[1];
    const joined = label + (next?.type === 'text' ? next.value : '');
    const m = marker.exec(joined);
    if (!m || m[0].length < label.length) return null;
    const consumedFromNext = m[0].length - label.length;
    const tail = runs.slice(1);
    if (next?.type === 'text') {
      const rest = next.value.slice(consumedFromNext);
      tail.splice(0, 1, ...(rest ? [{ type: 'text' as const, value: rest }] : []));
    }
    return trimLeading(tail);
  }
  return null;
}

function trimLeading(runs: Inline[]): Inline[] {
  const out = [...runs];
  while (out.length) {
    const first = out[0]!;
    if (first.type === 'break') out.shift();
    else if (first.type === 'text') {
      const value = first.value.replace(/^\s+/, '');
      if (value) {
        out[0] = { type: 'text', value };
        break;
      }
      out.shift();
    } else break;
  }
  return out;
}

/** `---` between questions separates them; it is not part of the answer. */
function trimTrailingRules(blocks: Block[]): void {
  while (blocks.length && blocks[blocks.length - 1]!.type === 'rule') blocks.pop();
}
