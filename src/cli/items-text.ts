import type { Rejection } from '../core/items/generate/index.js';
import type { GenerationSummary } from '../core/items/generate/summary.js';
import type { Item } from '../core/items/model.js';
import { formatNumber } from '../core/items/numbers.js';
import type { Style } from '../platforms/console/format.js';
import { displayPath } from './context.js';

/** One item for a terminal: header, prompt, options, then the answer and explanation. */
export function formatItem(item: Item, index: number, total: number, style: Style): string {
  const lines = [
    style.bold(`[${index}/${total}] ${item.id}`) + style.dim(`  ${describe(item)}`),
    '',
    item.prompt,
    '',
  ];
  if (item.kind !== 'numeric') {
    for (const o of item.options) lines.push(`  ${o.id}) ${o.text}`);
    lines.push('');
  }
  lines.push(
    `${style.bold('answer:')} ${answerText(item)}`,
    `${style.dim('why:')} ${item.explanation}`,
  );
  return lines.join('\n');
}

function describe(item: Item): string {
  const origin =
    item.origin.kind === 'generated'
      ? `generated ${item.origin.generator}, line ${item.origin.line}`
      : `${displayPath(item.origin.file)}:${item.origin.line}`;
  const tags = item.tags.length ? item.tags.join(', ') : 'untagged';
  return `${item.kind} · ${tags} · from ${item.sources.join(', ')} · ${origin}`;
}

function answerText(item: Item): string {
  switch (item.kind) {
    case 'choice':
      return item.answer
        .map((id) => `${id}) ${item.options.find((o) => o.id === id)?.text ?? ''}`)
        .join('; ');
    case 'cloze': {
      const also = item.accept.length ? ` (also accepted: ${item.accept.join(', ')})` : '';
      return `${item.answerOption}) ${item.answer}${also}`;
    }
    case 'numeric': {
      const value = item.unit
        ? `${formatNumber(item.answer)} ${item.unit}`
        : formatNumber(item.answer);
      const tol = [
        item.tolerance.abs ? `±${formatNumber(item.tolerance.abs)}` : '',
        item.tolerance.rel ? `±${formatNumber(item.tolerance.rel * 100)}%` : '',
      ].filter(Boolean);
      return tol.length ? `${value} (${tol.join(' or ')})` : value;
    }
  }
}

/** `--explain`: items per tag, rejections per reason, then each rejected candidate. */
export function formatExplanation(
  summary: GenerationSummary,
  rejected: readonly Rejection[],
  style: Style,
): string {
  const groups = Object.entries(summary.byGroup).map(
    ([group, c]) =>
      `  ${group}: ${c.whichQuestion + c.cloze} items (${c.whichQuestion} which-question, ${c.cloze} cloze), ${c.rejected} rejected`,
  );
  const reasons = Object.entries(summary.byReason).map(([reason, n]) => `  ${reason}: ${n}`);
  const each = rejected.map(
    (r) =>
      `  ${r.question}:${r.line} ${r.generator} ${style.bold(r.reason)} — ${r.detail}\n    ${style.dim(clip(r.text))}`,
  );
  return [
    style.bold(
      `generated ${summary.total.items} items, rejected ${summary.total.rejected} candidates`,
    ),
    'per tag or section:',
    ...groups,
    'rejections by reason:',
    ...reasons,
    `rejected candidates${rejected.length < summary.total.rejected ? ' with this tag' : ''}:`,
    ...each,
  ].join('\n');
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return Array.from(flat).length > 100 ? `${Array.from(flat).slice(0, 99).join('')}…` : flat;
}
