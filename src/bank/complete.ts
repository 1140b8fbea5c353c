import type { Block, IncompleteReason, Inline } from '../core/bank/model.js';
import { blocksText, inlineText } from '../core/bank/text.js';

const URL_RE = /https?:\/\/\S+/g;
/** Fewer letters than this, once links are removed, makes a body "only a link". */
const MIN_PROSE_CHARS = 12;

/** Decides whether a question is complete enough for the daily rotation and competitions. */
export function incompleteReasons(lead: Block[], answer: Block[]): IncompleteReason[] {
  const body = [...lead, ...answer];
  if (!hasContent(body)) return ['empty-body'];
  const reasons: IncompleteReason[] = [];
  if (isLinkOnly(body)) reasons.push('link-only');
  if (hasEmptySubsections(answer.length ? answer : lead)) reasons.push('empty-subsections');
  return reasons;
}

function hasContent(blocks: Block[]): boolean {
  return blocks.some((b) => {
    if (b.type === 'rule' || b.type === 'html') return false;
    if (b.type === 'list') return b.items.some(hasContent);
    if (b.type === 'quote') return hasContent(b.children);
    if (b.type === 'paragraph' || b.type === 'heading') return inlineText(b.children).trim() !== '';
    return true;
  });
}

function isLinkOnly(blocks: Block[]): boolean {
  if (blocks.some((b) => b.type === 'math' || b.type === 'code' || b.type === 'table'))
    return false;
  const prose = blocks
    .map((b) =>
      b.type === 'paragraph' ? proseOf(b.children) : b.type === 'image' ? '' : blocksText([b]),
    )
    .join(' ')
    .replace(URL_RE, '');
  const letters = prose.replace(/[^\p{L}\p{N}]/gu, '');
  const hasLink =
    blocks.some((b) => b.type === 'image' || (b.type === 'paragraph' && hasLinkRun(b.children))) ||
    /https?:\/\//.test(blocksText(blocks));
  return hasLink && letters.length < MIN_PROSE_CHARS;
}

function proseOf(runs: Inline[]): string {
  return runs.map((r) => (r.type === 'link' || r.type === 'image' ? '' : inlineText([r]))).join('');
}

function hasLinkRun(runs: Inline[]): boolean {
  return runs.some((r) => r.type === 'link' || r.type === 'image');
}

/**
 * A sub-section is a heading, a paragraph that is only bold text, or a short line ending in a colon.
 * It is empty when nothing but another sub-section (or the end) follows it, or when a list under it
 * has empty items or items that are only labels (`正负样本的选取规则：` with nothing after).
 */
function hasEmptySubsections(blocks: Block[]): boolean {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === 'list' && listHasEmptyItems(block, blocks[i + 1])) return true;
    if (!isLabel(block)) continue;
    const next = blocks[i + 1];
    if (!next || isLabel(next)) return true;
  }
  return false;
}

function listHasEmptyItems(
  list: Extract<Block, { type: 'list' }>,
  next: Block | undefined,
): boolean {
  const n = list.items.length;
  return list.items.some((item, k) => {
    if (!hasContent(item)) return true;
    if (!isColonItem(item)) return false;
    // A label item is empty when another label follows it, or when it ends the list and nothing
    // but a new sub-section (or the end) comes after the list.
    return k + 1 < n ? isColonItem(list.items[k + 1]!) : !next || isLabel(next);
  });
}

function isColonItem(item: Block[]): boolean {
  const [first, ...rest] = item;
  return (
    rest.length === 0 && first?.type === 'paragraph' && /[:：]\s*$/.test(inlineText(first.children))
  );
}

function isLabel(block: Block): boolean {
  if (block.type === 'heading') return true;
  if (block.type !== 'paragraph') return false;
  const runs = block.children.filter((r) => !(r.type === 'text' && r.value.trim() === ''));
  if (runs.length === 1 && runs[0]!.type === 'strong') return true;
  const text = inlineText(block.children).trim();
  return text.length <= 30 && /[:：]$/.test(text) && !/[。，,.]/.test(text.slice(0, -1));
}
