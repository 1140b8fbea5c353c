/**
 * Gradable items: what a competition round asks and a machine can mark. Plain data (serialisable,
 * comparable) so rounds can be stored and replayed. Prompts, options and explanations are bank-style
 * text: they may hold inline `$…$` TeX, which renderers typeset like the bank's own formulas.
 */

/** One answer button. Ids are short and stable within an item (`a`, `b`, …). */
export interface ChoiceOption {
  id: string;
  text: string;
}

/** Where an item came from: a generator over a bank, or an authored YAML file. */
export type ItemOrigin =
  | { kind: 'generated'; generator: 'which-question' | 'cloze'; line: number }
  | { kind: 'authored'; file: string; line: number; template?: string };

interface ItemBase {
  /** Stable across runs for the same bank content (and, for template instances, the same draw). */
  id: string;
  /** Question ids of the bank this item was made from or checks. */
  sources: string[];
  tags: string[];
  prompt: string;
  explanation: string;
  origin: ItemOrigin;
}

/** Multiple choice; `answer` holds one id, or several when every one of them must be picked. */
export interface ChoiceItem extends ItemBase {
  kind: 'choice';
  options: ChoiceOption[];
  answer: string[];
}

/** Absolute and relative tolerance; a response passes when it is within either one. */
export interface Tolerance {
  abs: number;
  rel: number;
}

/** A number typed by the player; the unit is shown and may be typed but is never required. */
export interface NumericItem extends ItemBase {
  kind: 'numeric';
  answer: number;
  tolerance: Tolerance;
  unit: string | null;
  /** The drawn parameters when the item is an instance of a template. */
  params?: Record<string, number>;
}

/**
 * A sentence with one term blanked. Playable with buttons (`options`, `answerOption`) or typed text:
 * a typed response matches `answer` or any of `accept`, ignoring case, width and spaces.
 */
export interface ClozeItem extends ItemBase {
  kind: 'cloze';
  answer: string;
  accept: string[];
  options: ChoiceOption[];
  answerOption: string;
}

export type Item = ChoiceItem | NumericItem | ClozeItem;

/** The blank in cloze prompts, also what the "answer appears elsewhere in the prompt" rule looks past. */
export const BLANK = '＿＿＿＿';

/** A template parameter and the values it is drawn from (ranges are expanded when loaded). */
export interface ParamSpec {
  name: string;
  values: number[];
}

/**
 * A numeric item whose numbers are drawn per round. Expressions are kept as source text (plain
 * data); `prompt` and `explanation` interpolate `{{expr}}`, and the explanation may use `answer`.
 */
export interface NumericTemplate {
  kind: 'numeric-template';
  id: string;
  sources: string[];
  tags: string[];
  prompt: string;
  explanation: string;
  params: ParamSpec[];
  /** A condition the drawn values must meet (non-zero means true); drawing retries until it does. */
  where: string | null;
  answer: string;
  tolerance: Tolerance;
  unit: string | null;
  origin: Extract<ItemOrigin, { kind: 'authored' }>;
}

/** What an authored file holds: ready items and templates that become items per round. */
export type AuthoredItem = Item | NumericTemplate;
