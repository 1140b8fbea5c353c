import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

/** Normalises what editors put around Markdown (BOM, CRLF, lone CR) so positions stay line-true. */
export function normaliseSource(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Parses Markdown (CommonMark + GFM + `$`/`$$` math) into an mdast tree with positions. */
export function parseMarkdown(source: string): Root {
  return processor.parse(normaliseSource(source));
}
