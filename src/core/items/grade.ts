import type { ChoiceItem, ChoiceOption, ClozeItem, Item, NumericItem } from './model.js';
import { formatNumber, parseNumber } from './numbers.js';
import { foldAnswer } from './similarity.js';

/** What a player sent: pressed buttons, or typed text (a number, a term, or option letters). */
export type Response = { optionIds: readonly string[] } | { text: string };

/** Why a response could not be read at all (as opposed to being read and wrong). */
export type GradeProblem = 'empty' | 'unparseable' | 'wrong-unit' | 'unknown-option';

export interface GradeResult {
  correct: boolean;
  /** The right answer as a player should see it (`b`, `b, c`, `32 px`, `白化`). */
  expected: string;
  /** How the response was read (option ids, the number, the folded text); null when unreadable. */
  understood: string | null;
  problem?: GradeProblem;
  /** Choice items with several answers: the right ids not picked and the wrong ids picked. */
  missing?: string[];
  extra?: string[];
}

/** Marks a response against an item; never throws on player input. */
export function grade(item: Item, response: Response): GradeResult {
  switch (item.kind) {
    case 'choice':
      return gradeChoice(item, response);
    case 'numeric':
      return gradeNumeric(item, response);
    case 'cloze':
      return gradeCloze(item, response);
  }
}

function gradeChoice(item: ChoiceItem, response: Response): GradeResult {
  const expected = item.answer.join(', ');
  const picked = pickedIds(item.options, response);
  if (picked === 'empty' || picked === 'unknown-option') {
    return { correct: false, expected, understood: null, problem: picked };
  }
  const want = new Set(item.answer);
  const missing = item.answer.filter((id) => !picked.has(id));
  const extra = [...picked].filter((id) => !want.has(id));
  const result: GradeResult = {
    correct: missing.length === 0 && extra.length === 0,
    expected,
    understood: [...picked].sort().join(', '),
  };
  return item.answer.length > 1 ? { ...result, missing, extra } : result;
}

/** Option ids from buttons or from typed `b`, `B`, `a,c`, `a c`, `ac`, `A、C`. */
function pickedIds(
  options: readonly ChoiceOption[],
  response: Response,
): Set<string> | 'empty' | 'unknown-option' {
  const known = new Set(options.map((o) => o.id.toLowerCase()));
  let ids: string[];
  if ('optionIds' in response) {
    ids = response.optionIds.map((id) => id.toLowerCase());
  } else {
    ids = response.text
      .normalize('NFKC')
      .toLowerCase()
      .trim()
      .split(/[\s,，、;；/]+/u)
      .filter(Boolean);
    if (ids.length === 1 && !known.has(ids[0]!) && Array.from(ids[0]!).every((c) => known.has(c))) {
      ids = Array.from(ids[0]!);
    }
  }
  if (ids.length === 0) return 'empty';
  if (ids.some((id) => !known.has(id))) return 'unknown-option';
  // Ids keep the item's spelling so results compare equal to `item.answer`.
  const byLower = new Map(options.map((o) => [o.id.toLowerCase(), o.id]));
  return new Set(ids.map((id) => byLower.get(id)!));
}

function gradeNumeric(item: NumericItem, response: Response): GradeResult {
  const expected = item.unit
    ? `${formatNumber(item.answer)} ${item.unit}`
    : formatNumber(item.answer);
  if (!('text' in response)) {
    return { correct: false, expected, understood: null, problem: 'unparseable' };
  }
  if (response.text.trim() === '') {
    return { correct: false, expected, understood: null, problem: 'empty' };
  }
  const parsed = parseNumber(response.text, item.unit);
  if (!parsed.ok) return { correct: false, expected, understood: null, problem: parsed.reason };
  return {
    correct: withinTolerance(parsed.value, item),
    expected,
    understood: formatNumber(parsed.value),
  };
}

/** Within the absolute or the relative tolerance; a hair of slack absorbs float noise (0.1 + 0.2). */
export function withinTolerance(
  value: number,
  item: Pick<NumericItem, 'answer' | 'tolerance'>,
): boolean {
  const diff = Math.abs(value - item.answer);
  const scale = Math.abs(item.answer);
  return diff <= item.tolerance.abs + 1e-12 || diff <= item.tolerance.rel * scale + 1e-9 * scale;
}

function gradeCloze(item: ClozeItem, response: Response): GradeResult {
  const expected = item.answer;
  if ('optionIds' in response) {
    const id = response.optionIds.length === 1 ? response.optionIds[0]!.toLowerCase() : null;
    if (id === null || !item.options.some((o) => o.id.toLowerCase() === id)) {
      return { correct: false, expected, understood: null, problem: 'unknown-option' };
    }
    return { correct: id === item.answerOption.toLowerCase(), expected, understood: id };
  }
  const given = foldAnswer(response.text);
  if (given === '') return { correct: false, expected, understood: null, problem: 'empty' };
  const accepted = [item.answer, ...item.accept].map(foldAnswer);
  return { correct: accepted.includes(given), expected, understood: given };
}
