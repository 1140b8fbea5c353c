/**
 * Turns what people type (`Q3`, `q3`, `3`, ` Q3 `, `Ｑ３`, `q-1a2b3c`, an exact title, `Q3: title`)
 * into a question id, and lists ids that start with a typed prefix for autocomplete.
 */
import type { Question } from '../bank/model.js';
import { normalize } from './tokenize.js';

export interface IdResolver {
  /** The id the input names, or null when it names none. */
  resolve(input: string): string | null;
  /** Ids starting with an id-like input (`q1` → Q1, Q10…Q19), exact match first; [] otherwise. */
  byPrefix(input: string): string[];
}

const NUMBER_FORM = /^(?:q\s*)?#?0*(\d+)$/;
const ID_LIKE = /^q(?:-[0-9a-z]*|\d+)?$/;
const ID_THEN_TITLE = /^(q-[0-9a-z]+|q?\s*\d+)\s*[:：·.、-]?\s*(.+)$/;
const TRAILING = /[\s?？.。!！…]+$/;

/** Builds a resolver over the questions; the first question wins when ids or titles repeat. */
export function createIdResolver(questions: readonly Question[]): IdResolver {
  const byId = new Map<string, string>();
  const byTitle = new Map<string, string>();
  const idTitle = new Map<string, string>();
  for (const q of questions) {
    const key = q.id.toLowerCase();
    if (byId.has(key)) continue;
    byId.set(key, q.id);
    idTitle.set(q.id, titleKey(q.title));
    if (!byTitle.has(titleKey(q.title))) byTitle.set(titleKey(q.title), q.id);
  }
  const order = rankIds(questions);

  const idOf = (text: string): string | null => {
    const direct = byId.get(text);
    if (direct) return direct;
    const number = NUMBER_FORM.exec(text);
    return number ? (byId.get(`q${number[1]}`) ?? null) : null;
  };

  return {
    resolve(input) {
      const text = normalize(input).trim();
      if (text === '') return null;
      const found = idOf(text) ?? byTitle.get(titleKey(text));
      if (found) return found;
      const parts = ID_THEN_TITLE.exec(text);
      const id = parts ? idOf(parts[1]!.replace(/\s+/g, '')) : null;
      if (!id || !parts) return null;
      const rest = titleKey(parts[2]!);
      return rest !== '' && idTitle.get(id)!.startsWith(rest) ? id : null;
    },
    byPrefix(input) {
      let text = normalize(input).replace(/\s+/g, '');
      if (/^\d+$/.test(text)) text = `q${text}`;
      if (!ID_LIKE.test(text)) return [];
      return order.filter((id) => id.toLowerCase().startsWith(text));
    },
  };
}

/** Titles compare without case, width, spaces or closing punctuation. */
function titleKey(title: string): string {
  return normalize(title).replace(TRAILING, '').replace(/\s+/g, '');
}

/** Numbered ids by number, then the others in bank order; so a prefix's exact match comes first. */
function rankIds(questions: readonly Question[]): string[] {
  const numbered = questions.filter((q) => q.number !== null);
  numbered.sort((a, b) => a.number! - b.number!);
  const others = questions.filter((q) => q.number === null);
  return [...new Set([...numbered, ...others].map((q) => q.id))];
}
