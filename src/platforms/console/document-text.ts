/**
 * A question as the console shows a posted message: the same message document chat gets (built
 * and rendered by core), with each formula image written to a file and named in the text next to
 * its TeX, so a reader sees both what chat shows and what it says.
 */
import type { Question } from '../../core/bank/model.js';
import type { FormulaRenderer } from '../../core/ports.js';
import { buildQuestionDocument } from '../../core/views/build.js';
import type { RenderedPart, Span } from '../../core/views/document.js';
import { renderDocument } from '../../core/views/render.js';
import type { Style } from './format.js';
import { type ImageFolder, shown } from './images.js';

export interface DocumentTextOptions {
  withAnswer: boolean;
  renderer: FormulaRenderer;
  images: ImageFolder;
  /** File-name prefix of this message's images, e.g. the message id. */
  prefix: string;
  style: Style;
}

/** The question's body (title left to the caller) as terminal text. */
export async function questionBody(
  question: Question,
  options: DocumentTextOptions,
): Promise<string> {
  const doc = await renderDocument(
    buildQuestionDocument(question, { withAnswer: options.withAnswer }),
    options.renderer,
  );
  const blocks: string[] = [];
  for (const part of doc.parts) blocks.push(await partText(part, options));
  return blocks.filter(Boolean).join('\n\n');
}

async function partText(part: RenderedPart, options: DocumentTextOptions): Promise<string> {
  const { style } = options;
  switch (part.type) {
    case 'text': {
      const text = spansText(part.spans, style);
      if (part.tone === 'quote') return prefixLines(text, '│ ');
      return part.tone === 'note' ? style.dim(`(${text})`) : text;
    }
    case 'code':
      return (
        style.dim(`┌─ ${part.lang ?? 'code'}`) + '\n' + prefixLines(style.code(part.code), '│ ')
      );
    case 'image': {
      if (part.source.kind === 'file') return style.dim(`[figure: ${shown(part.source.path)}]`);
      const path = await options.images.write(`${options.prefix}-${part.name}`, part.source.png);
      const label = part.label ? `${part.label} ` : '';
      return `${style.dim(`[${label}image: ${path}]`)}\n${prefixLines(part.alt.trim(), '    ')}`;
    }
  }
}

function spansText(spans: readonly Span[], style: Style): string {
  return spans
    .map((s) => {
      let text = s.code ? style.code(`\`${s.text}\``) : s.text;
      if (s.bold) text = style.bold(text);
      return s.href && s.href !== s.text ? `${text} (${s.href})` : text;
    })
    .join('');
}

function prefixLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
