/** Formula sources for the render tests: the default bank (via remark-math) and the KaTeX corpus. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Root } from 'mdast';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');

export interface BankFormula {
  line: number;
  tex: string;
  display: boolean;
}

/** Every `$$…$$` and `$…$` in data/questions.md, as remark-math sees them. */
export function bankFormulas(): BankFormula[] {
  const markdown = readFileSync(join(ROOT, 'data', 'questions.md'), 'utf8');
  const tree = unified().use(remarkParse).use(remarkMath).parse(markdown) as Root;
  const out: BankFormula[] = [];
  visit(tree, (node) => {
    if (node.type === 'math' || node.type === 'inlineMath') {
      out.push({
        line: node.position?.start.line ?? 0,
        tex: node.value,
        display: node.type === 'math',
      });
    }
  });
  return out;
}

export interface CorpusFormula {
  id: string;
  tex: string;
  display: boolean;
}

export function corpusFormulas(): CorpusFormula[] {
  return readFileSync(join(ROOT, 'tests', 'fixtures', 'tex-formulas.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusFormula);
}
