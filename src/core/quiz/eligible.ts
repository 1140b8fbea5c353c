import type { Question } from '../bank/model.js';
import type { Catalog } from '../catalog.js';
import { type Outcome, fail, ok } from './views.js';

/** Complete questions carrying one of the tags (any tag when the list is empty), in bank order. */
export function eligibleQuestions(catalog: Catalog, tags: readonly string[]): Question[] {
  const wanted = new Set(tags.map((t) => t.toLowerCase()));
  return catalog.bank.questions.filter(
    (q) =>
      q.complete &&
      (wanted.size === 0 || [...q.tags, ...q.sections].some((t) => wanted.has(t.toLowerCase()))),
  );
}

/** Maps typed tags to the bank's spelling (case-insensitive); unknown ones are a failure. */
export function resolveTags(catalog: Catalog, tags: readonly string[]): Outcome<string[]> {
  const known = catalog.tags();
  const byLower = new Map(known.map((t) => [t.toLowerCase(), t]));
  const sections = new Map(
    catalog.bank.questions.flatMap((q) => q.sections).map((s) => [s.toLowerCase(), s]),
  );
  const out: string[] = [];
  const unknown: string[] = [];
  for (const raw of tags.map((t) => t.trim()).filter(Boolean)) {
    const tag = byLower.get(raw.toLowerCase()) ?? sections.get(raw.toLowerCase());
    if (tag) out.push(tag);
    else unknown.push(raw);
  }
  if (unknown.length) return fail({ code: 'unknown-tags', tags: unknown, known });
  return ok([...new Set(out)]);
}
