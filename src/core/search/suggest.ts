/** How a question is shown as an autocomplete choice. */
import type { Question } from '../bank/model.js';
import type { Suggestion } from './types.js';

/** Longest choice name: Discord's limit, and short enough for any other picker. */
export const SUGGESTION_LABEL_MAX = 100;

/** The choice for a question: `Q3 · title` (title alone when unnumbered), cut to the label limit. */
export function suggestionFor(q: Question): Suggestion {
  const title = q.title.trim() || q.id;
  const label = q.number === null ? title : `${q.id} · ${title}`;
  return { id: q.id, title: q.title, label: cut(label, SUGGESTION_LABEL_MAX) };
}

function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= max) return flat;
  let end = max - 1;
  const code = flat.charCodeAt(end);
  if (code >= 0xdc00 && code <= 0xdfff) end -= 1;
  return `${flat.slice(0, end)}…`;
}
