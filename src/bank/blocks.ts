import type { BlockContent, DefinitionContent, Paragraph, RootContent } from 'mdast';
import type { Block } from '../core/bank/model.js';
import { type ConvertContext, toInlines } from './inline.js';

type FlowNode = RootContent | BlockContent | DefinitionContent;

/** Converts mdast flow content into our typed block tree, keeping source lines. */
export function toBlocks(nodes: readonly FlowNode[], ctx: ConvertContext): Block[] {
  return nodes.flatMap((node) => convert(node, ctx));
}

function convert(node: FlowNode, ctx: ConvertContext): Block[] {
  const line = node.position?.start.line ?? 0;
  switch (node.type) {
    case 'paragraph': {
      const display = displayMath(node, ctx.source);
      if (display !== null) return [{ type: 'math', tex: display, line }];
      const children = toInlines(node.children, ctx);
      // A paragraph that is only one image is a figure.
      const only = children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
      if (only.length === 1 && only[0]!.type === 'image') {
        return [{ type: 'image', image: only[0].image, line }];
      }
      return [{ type: 'paragraph', children, line }];
    }
    case 'heading':
      return [
        { type: 'heading', depth: node.depth, children: toInlines(node.children, ctx), line },
      ];
    case 'math':
      return [{ type: 'math', tex: node.value, line }];
    case 'code':
      return [{ type: 'code', lang: node.lang ?? null, value: node.value, line }];
    case 'list':
      return [
        {
          type: 'list',
          ordered: node.ordered ?? false,
          start: node.ordered ? (node.start ?? 1) : null,
          items: node.children.map((item) => toBlocks(item.children, ctx)),
          line,
        },
      ];
    case 'blockquote':
      return [{ type: 'quote', children: toBlocks(node.children, ctx), line }];
    case 'table':
      return [
        {
          type: 'table',
          rows: node.children.map((row) =>
            row.children.map((cell) => toInlines(cell.children, ctx)),
          ),
          line,
        },
      ];
    case 'thematicBreak':
      return [{ type: 'rule', line }];
    case 'html':
      return htmlBlocks(node.value, line, ctx);
    default:
      // definitions, footnotes, yaml: nothing a reader sees in chat.
      return [];
  }
}

/** A paragraph that is only `$$…$$` on one line is display math, as authors mean it. */
function displayMath(node: Paragraph, source: string): string | null {
  const [only, ...rest] = node.children.filter(
    (c) => !(c.type === 'text' && c.value.trim() === ''),
  );
  if (!only || rest.length > 0 || only.type !== 'inlineMath') return null;
  const start = only.position?.start.offset;
  return start !== undefined && source.startsWith('$$', start) ? only.value : null;
}

const IMG_TAG = /<img\b[^>]*>/gi;
const ATTR = (name: string): RegExp =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');

/**
 * Raw HTML blocks: `<img>` tags become figures and visible text a paragraph; markup that only
 * structures the page (`<details>`, `<summary>`, comments) is kept for the question parser.
 */
function htmlBlocks(html: string, line: number, ctx: ConvertContext): Block[] {
  const value = html.trim();
  if (!value) return [];
  if (/^<\/?(details|summary)\b|^<!--/i.test(value)) return [{ type: 'html', value, line }];
  const out: Block[] = [];
  for (const tag of value.match(IMG_TAG) ?? []) {
    const src = attr(tag, 'src');
    if (src) out.push({ type: 'image', image: ctx.resolve(src, attr(tag, 'alt') ?? ''), line });
  }
  const text = value
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  if (text) out.push({ type: 'paragraph', children: [{ type: 'text', value: text }], line });
  return out;
}

function attr(tag: string, name: string): string | null {
  const m = ATTR(name).exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? null) : null;
}
