import { FUNCTIONS, namesIn } from '../expr.js';
import { withinTolerance } from '../grade.js';
import type { NumericTemplate, ParamSpec } from '../model.js';
import { formatNumber } from '../numbers.js';
import { createRng } from '../random.js';
import { drawParams, instantiateWith, placeholdersIn } from '../template.js';
import { base, compile, type EntryContext, report, tolerance } from './context.js';
import type { NumericEntry, ParamEntry } from './schema.js';

/** Draws per template at lint time: enough to hit a division by zero in a small range. */
const LINT_DRAWS = 300;
/** A range expands to at most this many values (keeps `values` small and draws uniform). */
const MAX_VALUES = 10_000;

/** Checks a numeric entry with `params` and builds its template; null if broken. */
export function convertTemplate(
  entry: NumericEntry,
  params: Record<string, ParamEntry>,
  ctx: EntryContext,
): NumericTemplate | null {
  const before = ctx.issues.length;
  const specs = Object.entries(params).map(([name, spec]) =>
    expandParam(name, spec, ctx, entry.id),
  );
  const names = new Set(Object.keys(params));
  if (typeof entry.answer === 'number') {
    report(ctx, ['answer'], "a template's answer must be an expression over its params", entry.id);
  }
  compile(entry.answer, names, ['answer'], ctx, entry.id);
  if (entry.where !== undefined) compile(entry.where, names, ['where'], ctx, entry.id);
  const shown = new Set<string>();
  for (const p of placeholdersIn(entry.prompt)) {
    const expr = compile(p.source, names, ['prompt'], ctx, entry.id);
    if (expr) for (const n of namesIn(expr).keys()) shown.add(n);
  }
  for (const p of placeholdersIn(entry.explanation)) {
    compile(p.source, new Set([...names, 'answer']), ['explanation'], ctx, entry.id);
  }
  for (const name of names) {
    if (!shown.has(name))
      report(ctx, ['params', name], `parameter ${name} is never shown in the prompt`, entry.id);
  }
  if (ctx.issues.length > before) return null;
  const template: NumericTemplate = {
    kind: 'numeric-template',
    ...base(entry, ctx),
    params: specs.filter((s): s is ParamSpec => s !== null),
    where: entry.where ?? null,
    answer: String(entry.answer),
    tolerance: tolerance(entry),
    unit: entry.unit ?? null,
  };
  checkChecks(template, entry.checks ?? [], ctx);
  checkDraws(template, ctx);
  return ctx.issues.length > before ? null : template;
}

function expandParam(
  name: string,
  spec: ParamEntry,
  ctx: EntryContext,
  id: string,
): ParamSpec | null {
  if (Object.hasOwn(FUNCTIONS, name) || name === 'answer') {
    report(ctx, ['params', name], `"${name}" is reserved and cannot be a parameter name`, id);
    return null;
  }
  if ('values' in spec) return { name, values: [...spec.values] };
  const [min, max] = spec.range;
  const step = spec.step ?? 1;
  if (min > max) {
    report(ctx, ['params', name, 'range'], `range of ${name} starts after it ends`, id);
    return null;
  }
  const count = Math.floor((max - min) / step + 1e-9) + 1;
  if (count > MAX_VALUES) {
    report(
      ctx,
      ['params', name, 'range'],
      `range of ${name} has more than ${MAX_VALUES} values`,
      id,
    );
    return null;
  }
  // Rounded so a step of 0.1 gives 0.3, not 0.30000000000000004, in prompts.
  const values = Array.from({ length: count }, (_, i) => Number((min + i * step).toPrecision(12)));
  return { name, values };
}

/** Hand-checked cases written beside the template: each must give the stated answer. */
function checkChecks(
  template: NumericTemplate,
  checks: readonly Record<string, number>[],
  ctx: EntryContext,
): void {
  const names = template.params.map((p) => p.name);
  checks.forEach((check, i) => {
    const keys = Object.keys(check);
    const missing = [...names, 'answer'].filter((k) => !keys.includes(k));
    const extra = keys.filter((k) => k !== 'answer' && !names.includes(k));
    if (missing.length > 0 || extra.length > 0) {
      const parts = [
        missing.length ? `missing ${missing.join(', ')}` : '',
        extra.length ? `unknown ${extra.join(', ')}` : '',
      ];
      report(
        ctx,
        ['checks', i],
        `check ${i + 1}: ${parts.filter(Boolean).join('; ')}`,
        template.id,
      );
      return;
    }
    const values = new Map(names.map((n) => [n, check[n]!]));
    const item = instantiateWith(template, values);
    if (!withinTolerance(check.answer!, item)) {
      report(
        ctx,
        ['checks', i],
        `check ${i + 1}: the answer expression gives ${formatNumber(item.answer)}, the check says ${formatNumber(check.answer!)}`,
        template.id,
      );
    }
  });
}

/** Draws many rounds: every draw must meet `where` eventually and give a finite answer. */
function checkDraws(template: NumericTemplate, ctx: EntryContext): void {
  const rng = createRng('lint', template.id);
  for (let i = 0; i < LINT_DRAWS; i++) {
    let values: Map<string, number>;
    try {
      values = drawParams(template, rng);
    } catch {
      report(ctx, ['where'], 'no parameter values satisfy "where"', template.id);
      return;
    }
    const item = instantiateWith(template, values);
    if (!Number.isFinite(item.answer)) {
      const shown = [...values].map(([k, v]) => `${k}=${v}`).join(', ');
      report(
        ctx,
        ['answer'],
        `answer is ${item.answer} for ${shown}; narrow the ranges or add "where"`,
        template.id,
      );
      return;
    }
  }
}
