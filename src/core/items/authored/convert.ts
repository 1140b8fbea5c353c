import { evaluate } from '../expr.js';
import type { AuthoredItem, ChoiceItem } from '../model.js';
import { foldAnswer } from '../similarity.js';
import { placeholdersIn } from '../template.js';
import { base, compile, type EntryContext, report, tolerance } from './context.js';
import type { ChoiceEntry, NumericEntry } from './schema.js';
import { convertTemplate } from './template-entry.js';

/** Checks what the schema cannot (ids, expressions, names) and builds the item; null if broken. */
export function convertEntry(
  entry: ChoiceEntry | NumericEntry,
  ctx: EntryContext,
): AuthoredItem | null {
  const before = ctx.issues.length;
  checkSources(entry, ctx);
  const item = entry.type === 'choice' ? convertChoice(entry, ctx) : convertNumeric(entry, ctx);
  return ctx.issues.length === before ? item : null;
}

function checkSources(entry: ChoiceEntry | NumericEntry, ctx: EntryContext): void {
  const questions = ctx.questions;
  if (!questions) return;
  entry.sources.forEach((source, i) => {
    if (!questions.has(source)) {
      report(ctx, ['sources', i], `source ${source} is not a question in the bank`, entry.id);
    }
  });
}

function convertChoice(entry: ChoiceEntry, ctx: EntryContext): ChoiceItem {
  const options = Object.entries(entry.options).map(([id, text]) => ({ id, text }));
  const answer = typeof entry.answer === 'string' ? [entry.answer] : [...new Set(entry.answer)];
  for (const id of answer) {
    if (!(id in entry.options)) {
      report(
        ctx,
        ['answer'],
        `answer "${id}" is not an option (options: ${options.map((o) => o.id).join(', ')})`,
        entry.id,
      );
    }
  }
  const seen = new Map<string, string>();
  for (const o of options) {
    const folded = foldAnswer(o.text);
    const twin = seen.get(folded);
    if (twin)
      report(ctx, ['options', o.id], `options ${twin} and ${o.id} have the same text`, entry.id);
    seen.set(folded, o.id);
  }
  for (const field of ['prompt', 'explanation'] as const) {
    if (placeholdersIn(entry[field]).length > 0) {
      report(
        ctx,
        [field],
        '{{…}} placeholders are only for numeric templates (items with params)',
        entry.id,
      );
    }
  }
  return { kind: 'choice', ...base(entry, ctx), options, answer };
}

function convertNumeric(entry: NumericEntry, ctx: EntryContext): AuthoredItem | null {
  if (entry.params) return convertTemplate(entry, entry.params, ctx);
  for (const field of ['where', 'checks'] as const) {
    if (entry[field] !== undefined)
      report(ctx, [field], `${field} is only for templates (items with params)`, entry.id);
  }
  for (const field of ['prompt', 'explanation'] as const) {
    if (placeholdersIn(entry[field]).length > 0) {
      report(ctx, [field], '{{…}} placeholders need params (this item declares none)', entry.id);
    }
  }
  const answer = compile(entry.answer, new Set(), ['answer'], ctx, entry.id);
  const value = answer === null ? NaN : evaluate(answer, new Map());
  if (answer !== null && !Number.isFinite(value))
    report(ctx, ['answer'], 'answer is not a finite number', entry.id);
  return {
    kind: 'numeric',
    ...base(entry, ctx),
    answer: value,
    tolerance: tolerance(entry),
    unit: entry.unit ?? null,
  };
}
