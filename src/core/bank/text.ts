import type { Block, Inline } from './model.js';

/** Plain text of inline runs: math as its TeX between `$`, images as their alt text. */
export function inlineText(runs: readonly Inline[]): string {
  return runs.map(runText).join('');
}

function runText(run: Inline): string {
  switch (run.type) {
    case 'text':
    case 'code':
      return run.value;
    case 'math':
      return `$${run.tex}$`;
    case 'break':
      return '\n';
    case 'image':
      return run.image.alt;
    default:
      return inlineText(run.children);
  }
}

/** Plain text of blocks, one block a line, for search and excerpts. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks.map(blockText).filter(Boolean).join('\n');
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.children);
    case 'math':
      return `$$${block.tex}$$`;
    case 'code':
      return block.value;
    case 'list':
      return block.items.map((item) => blocksText(item)).join('\n');
    case 'quote':
      return blocksText(block.children);
    case 'image':
      return block.image.alt;
    case 'table':
      return block.rows.map((row) => row.map(inlineText).join(' | ')).join('\n');
    case 'html':
      return block.value.replace(/<[^>]*>/g, '');
    case 'rule':
      return '';
  }
}

/** True when inline runs carry no visible content (only whitespace). */
export function isBlankInline(runs: readonly Inline[]): boolean {
  return (
    inlineText(runs).trim() === '' && !runs.some((r) => r.type === 'image' || r.type === 'math')
  );
}
