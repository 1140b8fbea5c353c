import type { Block, ImageRef, Inline, Question } from '../../core/bank/model.js';

/** Terminal styles; identity functions when output is not a TTY. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  code(text: string): string;
}

export const plainStyle: Style = { bold: (t) => t, dim: (t) => t, code: (t) => t };

export const ansiStyle: Style = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
  code: (t) => `\x1b[36m${t}\x1b[39m`,
};

/** What a reader sees for a figure the bot cannot show. */
export function figureNote(image: ImageRef): string {
  const file = image.url.split(/[?#]/)[0]!.split('/').pop() ?? image.url;
  const name = image.alt && !/^(img|image|\d+)$/i.test(image.alt) ? image.alt : file;
  if (image.status === 'local') return `[figure: ${name}]`;
  if (image.status === 'remote') return `[figure: ${image.url}]`;
  return `[figure ${name} is not available]`;
}

/** A question as readable terminal text; formulas stay as TeX. */
export function formatQuestion(q: Question, style: Style = plainStyle, withAnswer = true): string {
  const lines: string[] = [];
  const meta = [q.tags.join(', '), q.level !== null ? `level ${q.level}` : '']
    .filter(Boolean)
    .join(' · ');
  lines.push(style.bold(`${q.id} · ${q.title}`) + (meta ? style.dim(`  [${meta}]`) : ''));
  if (!q.complete) lines.push(style.dim('(this question is not finished in the bank yet)'));
  if (q.keyPoints) lines.push('', `${style.bold('Key points:')} ${q.keyPoints}`);
  if (q.lead.length) lines.push('', formatBlocks(q.lead, style));
  if (withAnswer) {
    lines.push('', style.bold('Answer:'));
    lines.push(q.answer.length ? formatBlocks(q.answer, style) : style.dim('(no answer yet)'));
  }
  if (q.refs.length) lines.push('', style.dim(`See also: ${q.refs.join(', ')}`));
  return lines.join('\n');
}

/** Blocks as text, separated by blank lines. */
export function formatBlocks(blocks: readonly Block[], style: Style = plainStyle): string {
  return blocks.map((b) => formatBlock(b, style)).join('\n\n');
}

function formatBlock(block: Block, style: Style): string {
  switch (block.type) {
    case 'paragraph':
      return formatInline(block.children, style);
    case 'heading':
      return style.bold(formatInline(block.children, style));
    case 'math':
      return indent(`$$\n${block.tex.trim()}\n$$`, '    ');
    case 'code':
      return (
        style.dim(`    ┌─ ${block.lang ?? 'code'}`) +
        '\n' +
        indent(style.code(block.value), '    │ ')
      );
    case 'list':
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${(block.start ?? 1) + i}. ` : '• ';
          const body = formatBlocks(item, style).replace(/\n\n/g, '\n');
          return marker + indent(body, ' '.repeat(marker.length)).trimStart();
        })
        .join('\n');
    case 'quote':
      return indent(formatBlocks(block.children, style), '│ ');
    case 'image':
      return style.dim(figureNote(block.image));
    case 'table':
      return block.rows.map((row) => row.map((c) => formatInline(c, style)).join(' | ')).join('\n');
    case 'rule':
      return style.dim('────────');
    case 'html':
      return block.value.replace(/<[^>]*>/g, '').trim();
  }
}

/** Inline runs as text: bold kept (ANSI), code in backticks, math as `$tex$`, links as `text (url)`. */
export function formatInline(runs: readonly Inline[], style: Style = plainStyle): string {
  return runs
    .map((r): string => {
      switch (r.type) {
        case 'text':
          return r.value;
        case 'strong':
          return style.bold(formatInline(r.children, style));
        case 'emphasis':
        case 'underline':
          return formatInline(r.children, style);
        case 'code':
          return style.code(`\`${r.value}\``);
        case 'math':
          return `$${r.tex}$`;
        case 'link': {
          const text = formatInline(r.children, style);
          return text && text !== r.url ? `${text} (${r.url})` : r.url;
        }
        case 'image':
          return style.dim(figureNote(r.image));
        case 'break':
          return '\n';
      }
    })
    .join('');
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
