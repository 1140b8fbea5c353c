import { type Expr, ExprError, namesIn, parseExpr } from '../expr.js';
import type { Tolerance } from '../model.js';
import type { Positions, YamlPath } from './positions.js';
import type { ChoiceEntry, NumericEntry } from './schema.js';

/** A problem in an authored items file, reported as `file:line: message`. */
export interface ItemIssue {
  file: string;
  line: number;
  message: string;
}

/** What checking one entry needs: where it is, and the bank's question ids when known. */
export interface EntryContext {
  file: string;
  path: YamlPath;
  line: number;
  positions: Positions;
  questions: ReadonlySet<string> | null;
  issues: ItemIssue[];
}

/** Records a problem at the line of `field` inside the entry. */
export function report(ctx: EntryContext, field: YamlPath, message: string, id?: string): void {
  const line = ctx.positions.lineOf([...ctx.path, ...field]);
  ctx.issues.push({ file: ctx.file, line, message: id ? `${id}: ${message}` : message });
}

/** The fields every authored item shares. */
export function base(entry: ChoiceEntry | NumericEntry, ctx: EntryContext) {
  return {
    id: entry.id,
    sources: [...entry.sources],
    tags: [...entry.tags],
    prompt: entry.prompt,
    explanation: entry.explanation,
    origin: { kind: 'authored' as const, file: ctx.file, line: ctx.line },
  };
}

/** Tolerance with its defaults (exact). */
export function tolerance(entry: NumericEntry): Tolerance {
  return { abs: entry.tolerance?.abs ?? 0, rel: entry.tolerance?.rel ?? 0 };
}

/** Parses an expression (or takes a literal number) and checks every name it reads is allowed. */
export function compile(
  source: string | number,
  allowed: ReadonlySet<string>,
  field: YamlPath,
  ctx: EntryContext,
  id: string,
): Expr | null {
  if (typeof source === 'number') return { type: 'num', value: source };
  try {
    const expr = parseExpr(source);
    const unknown = [...namesIn(expr).keys()].filter((name) => !allowed.has(name));
    const declared = [...allowed].filter((n) => n !== 'answer');
    const known =
      declared.length > 0 ? `params: ${declared.join(', ')}` : 'this item declares no params';
    for (const name of unknown)
      report(ctx, field, `unknown parameter "${name}" in "${source}" (${known})`, id);
    return unknown.length === 0 ? expr : null;
  } catch (error) {
    if (!(error instanceof ExprError)) throw error;
    report(ctx, field, `bad expression "${source}": ${error.message} (column ${error.at + 1})`, id);
    return null;
  }
}
