import type { Block, ImageRef, Inline } from './model.js';

/** Every figure in a block tree with the line it sits on. */
export function imagesOf(blocks: readonly Block[]): { image: ImageRef; line: number }[] {
  const out: { image: ImageRef; line: number }[] = [];
  const fromRuns = (runs: Inline[], line: number): void => {
    for (const r of runs) {
      if (r.type === 'image') out.push({ image: r.image, line });
      else if ('children' in r) fromRuns(r.children, line);
    }
  };
  for (const b of blocks) {
    if (b.type === 'image') out.push({ image: b.image, line: b.line });
    else if (b.type === 'paragraph' || b.type === 'heading') fromRuns(b.children, b.line);
    else if (b.type === 'list') for (const item of b.items) out.push(...imagesOf(item));
    else if (b.type === 'quote') out.push(...imagesOf(b.children));
    else if (b.type === 'table')
      for (const row of b.rows) for (const cell of row) fromRuns(cell, b.line);
  }
  return out;
}

/** Every formula in a block tree: display blocks and inline math runs. */
export function formulasOf(
  blocks: readonly Block[],
): { tex: string; display: boolean; line: number }[] {
  const out: { tex: string; display: boolean; line: number }[] = [];
  const fromRuns = (runs: readonly Inline[], line: number): void => {
    for (const r of runs) {
      if (r.type === 'math') out.push({ tex: r.tex, display: false, line });
      else if ('children' in r) fromRuns(r.children, line);
    }
  };
  for (const b of blocks) {
    if (b.type === 'math') out.push({ tex: b.tex, display: true, line: b.line });
    else if (b.type === 'paragraph' || b.type === 'heading') fromRuns(b.children, b.line);
    else if (b.type === 'list') for (const item of b.items) out.push(...formulasOf(item));
    else if (b.type === 'quote') out.push(...formulasOf(b.children));
    else if (b.type === 'table')
      for (const row of b.rows) for (const cell of row) fromRuns(cell, b.line);
  }
  return out;
}
