import type { PhrasingContent } from 'mdast';
import type { ImageRef, Inline } from '../core/bank/model.js';

/** Resolves an image URL against the bank file's folder; supplied by the loader. */
export type ImageResolver = (url: string, alt: string) => ImageRef;

/** What conversion needs besides the tree: the normalised source (for raw delimiters) and images. */
export interface ConvertContext {
  source: string;
  resolve: ImageResolver;
}

/**
 * Converts mdast phrasing content into our inline runs. Inline HTML is reduced to what chat can show:
 * `<u>…</u>` becomes underline, `<br>` a break, any other tag is dropped while its text is kept.
 */
export function toInlines(nodes: readonly PhrasingContent[], ctx: ConvertContext): Inline[] {
  const out: Inline[] = [];
  const stack: Inline[][] = [out];
  const top = (): Inline[] => stack[stack.length - 1]!;
  for (const node of nodes) {
    if (node.type === 'html') {
      const tag = node.value.trim().toLowerCase();
      if (tag === '<u>') {
        const run: Inline = { type: 'underline', children: [] };
        top().push(run);
        stack.push(run.children);
      } else if (tag === '</u>' && stack.length > 1) {
        stack.pop();
      } else if (/^<br\s*\/?>$/.test(tag)) {
        top().push({ type: 'break' });
      } else {
        const text = node.value.replace(/<[^>]*>/g, '');
        if (text) top().push({ type: 'text', value: text });
      }
      continue;
    }
    top().push(...convert(node, ctx));
  }
  return mergeText(out);
}

function convert(node: PhrasingContent, ctx: ConvertContext): Inline[] {
  switch (node.type) {
    case 'text':
      return [{ type: 'text', value: node.value }];
    case 'strong':
      return [{ type: 'strong', children: toInlines(node.children, ctx) }];
    case 'emphasis':
      return [{ type: 'emphasis', children: toInlines(node.children, ctx) }];
    case 'delete':
      return toInlines(node.children, ctx);
    case 'inlineCode':
      return [{ type: 'code', value: node.value }];
    case 'inlineMath':
      return [{ type: 'math', tex: node.value }];
    case 'link':
      return [{ type: 'link', url: node.url, children: toInlines(node.children, ctx) }];
    case 'image':
      return [{ type: 'image', image: ctx.resolve(node.url, node.alt ?? '') }];
    case 'break':
      return [{ type: 'break' }];
    case 'footnoteReference':
    case 'linkReference':
    case 'imageReference':
      return 'children' in node ? toInlines(node.children, ctx) : [];
    default:
      return [];
  }
}

function mergeText(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (run.type === 'text' && last?.type === 'text') last.value += run.value;
    else out.push(run);
  }
  return out.flatMap((run) => (run.type === 'text' ? lenientStrong(run.value) : [run]));
}

const LENIENT_STRONG = /\*\*([^*\n]*[^*\s][^*\n]*)\*\*/g;

/**
 * `**Key term: **` (a space before the closing stars) is not bold in CommonMark, so the stars
 * arrive as text; the bank writes this often and its authors mean bold.
 */
function lenientStrong(text: string): Inline[] {
  if (!text.includes('**')) return [{ type: 'text', value: text }];
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(LENIENT_STRONG)) {
    if (m.index > last) out.push({ type: 'text', value: text.slice(last, m.index) });
    out.push({ type: 'strong', children: [{ type: 'text', value: m[1]! }] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}
