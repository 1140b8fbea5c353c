import { evaluate, parseExpr } from './expr.js';
import type { NumericItem, NumericTemplate } from './model.js';
import { formatNumber } from './numbers.js';
import type { Rng } from './random.js';

/** `{{expr}}` in template text. Double braces because TeX already uses single ones. */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** The expression sources of every `{{…}}` in a text, with their offsets. */
export function placeholdersIn(text: string): { source: string; at: number }[] {
  return Array.from(text.matchAll(PLACEHOLDER), (m) => ({ source: m[1]!, at: m.index }));
}

/** Replaces each `{{expr}}` with its value. */
export function interpolate(text: string, scope: ReadonlyMap<string, number>): string {
  return text.replace(PLACEHOLDER, (_, source: string) =>
    formatNumber(evaluate(parseExpr(source), scope)),
  );
}

/** The template's answer for given parameter values. */
function templateAnswer(template: NumericTemplate, values: ReadonlyMap<string, number>): number {
  return evaluate(parseExpr(template.answer), values);
}

/** How many draws may fail `where` before the template is declared unsatisfiable. */
const MAX_DRAWS = 1000;

/** Draws parameter values that satisfy `where`; throws when none can be found. */
export function drawParams(template: NumericTemplate, rng: Rng): Map<string, number> {
  const where = template.where === null ? null : parseExpr(template.where);
  for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
    const values = new Map(template.params.map((p) => [p.name, rng.pick(p.values)]));
    if (where === null || evaluate(where, values) !== 0) return values;
  }
  throw new RangeError(`template ${template.id}: no draw met "where" in ${MAX_DRAWS} attempts`);
}

/** A concrete item for given values: id names the values so the same draw is the same item. */
export function instantiateWith(
  template: NumericTemplate,
  values: ReadonlyMap<string, number>,
): NumericItem {
  const answer = templateAnswer(template, values);
  const withAnswer = new Map([...values, ['answer', answer]]);
  const params = Object.fromEntries(values);
  return {
    kind: 'numeric',
    id: `${template.id}[${[...values].map(([k, v]) => `${k}=${formatNumber(v)}`).join(',')}]`,
    sources: [...template.sources],
    tags: [...template.tags],
    prompt: interpolate(template.prompt, values),
    explanation: interpolate(template.explanation, withAnswer),
    answer,
    tolerance: { ...template.tolerance },
    unit: template.unit,
    params,
    origin: { ...template.origin, template: template.id },
  };
}

/** A concrete item with freshly drawn values. */
export function instantiate(template: NumericTemplate, rng: Rng): NumericItem {
  return instantiateWith(template, drawParams(template, rng));
}
