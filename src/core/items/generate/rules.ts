import { normalize, tokenize } from '../../search/tokenize.js';

/**
 * Quality rules for generated items. Each returns the reason a candidate is unusable, or null.
 * They are heuristics on surface text (no language model), tuned on the default bank; the
 * thresholds are named constants. tests/unit/items/generate-quality.test.ts re-checks the
 * results with code of its own, so a bug here cannot pass its own check.
 */

export type RejectReason =
  | 'names-a-question'
  | 'link-only'
  | 'has-url'
  | 'mostly-formula'
  | 'too-short'
  | 'too-long'
  | 'contains-title-words'
  | 'too-few-options'
  | 'shared-text'
  | 'term-is-formula'
  | 'term-is-clause'
  | 'term-too-long'
  | 'not-a-term'
  | 'answer-in-prompt'
  | 'too-little-context'
  | 'too-few-distractors'
  | 'duplicate';

/** An excerpt needs this much prose (Han characters + Latin words) to be answerable. */
export const MIN_EXCERPT_UNITS = 12;
/** Excerpts are cut at a sentence end near this size; a first sentence past MAX is refused. */
export const TARGET_EXCERPT_UNITS = 90;
export const MAX_EXCERPT_UNITS = 150;
/** Formulas and code may make up at most this share of an excerpt's characters… */
const MAX_FORMULA_SHARE = 0.5;
/** …unless there is this much prose around them, which says enough on its own. */
const PLENTY_UNITS = 30;
/** A blanked term is a term, not a phrase: at most this many units. */
const MAX_TERM_UNITS = 8;
/** The sentence around a blank must keep this much prose to point at the answer. */
export const MIN_CONTEXT_UNITS = 8;

const MATH = /\$\$[\s\S]*?\$\$|\$[^$\n]+\$/g;
const CODE = /`[^`]*`/g;
const URL = /\bhttps?:\/\/\S+/g;
const UNIT = /\p{Script=Han}|[\p{L}\p{N}_]+/gu;

/** Prose size: Han characters plus Latin words and numbers, ignoring formulas, code and URLs. */
export function proseUnits(text: string): number {
  return (text.replace(MATH, ' ').replace(CODE, ' ').replace(URL, ' ').match(UNIT) ?? []).length;
}

/** A reference to another question (`Q29:`, `> Q: …`, `Q31`) would answer the item for the player. */
function namesQuestion(text: string): boolean {
  return /(^|[^A-Za-z0-9])Q\d*\s*[:：]|(^|[^A-Za-z0-9])Q\d+(?![\d.])/u.test(text);
}

/** Why an excerpt's own text is unusable (before its title and options are considered). */
export function excerptTextProblem(text: string): RejectReason | null {
  if (namesQuestion(text)) return 'names-a-question';
  if (text.search(URL) >= 0) return 'has-url';
  const units = proseUnits(text);
  if (units < MIN_EXCERPT_UNITS) {
    // `search`, not `test`: these patterns are global, and `test` would keep state between calls.
    if (text.search(MATH) >= 0 || text.search(CODE) >= 0) return 'mostly-formula';
    return 'too-short';
  }
  const formula =
    (text.match(MATH) ?? []).join('').length + (text.match(CODE) ?? []).join('').length;
  if (units < PLENTY_UNITS && formula / text.length > MAX_FORMULA_SHARE) return 'mostly-formula';
  return null;
}

/**
 * Question phrasing that says nothing about the topic (`为什么`, `如何`, `的区别`, `how`, `what`).
 * Removed from titles before their words are looked for in excerpts.
 */
const GENERIC_ZH = [
  '为什么',
  '什么是',
  '什么',
  '如何',
  '怎样',
  '怎么',
  '哪些',
  '进行',
  '需要',
  '能否',
  '是否',
  '区别',
  '联系',
  '作用',
  '特性',
  '概念',
  '以及',
  '及其',
  '一般',
  '常见',
  '简介',
  '方法',
  '思路',
  '原因',
  '问题',
  '处理',
  '计算',
  '实现',
  '推导',
  '理解',
  '相关',
  '发展史',
  '流程',
  '时间',
  '空间',
];
const GENERIC_EN = new Set(
  (
    'a about all an and any are as at be been but by can could describe do does each explain for from ' +
    'give has have how if in into is it its may more most no not of on one only or other our should ' +
    'so some such than that the their them then there these they this those to true false under use ' +
    'used using was we were what when where which while who why will with would you your'
  ).split(' '),
);

/** The title's topic terms: tokenizer terms of the title minus question phrasing and lone characters. */
function titleTerms(title: string): string[] {
  let text = normalize(title);
  for (const word of GENERIC_ZH) text = text.split(word).join(' ');
  const terms = tokenize(text, 'query').filter((t) => !GENERIC_EN.has(t));
  // Lone characters (`要`, `l`, `2`) match by accident far more often than they give a title away.
  return [...new Set(terms.filter((t) => Array.from(t).length >= 2))];
}

/**
 * Title terms that also occur in the excerpt (empty means the excerpt does not give the title
 * away). Terms in `common` are the bank's everyday vocabulary (`网络`, `训练`, `network`): seeing
 * one points at no particular title, so it does not count.
 */
export function sharedTitleTerms(
  title: string,
  excerpt: string,
  common: ReadonlySet<string> = new Set(),
): string[] {
  // Identifiers such as `l1_reg` are one token; their parts (`l1`) count as words too.
  const inExcerpt = new Set([
    ...tokenize(excerpt, 'index'),
    ...tokenize(excerpt.replace(/_/g, ' '), 'index'),
  ]);
  return titleTerms(title).filter((t) => inExcerpt.has(t) && !common.has(t));
}

/** A term in at least this share of a bank's questions is everyday vocabulary there. */
const COMMON_TERM_SHARE = 0.3;

/** The bank's everyday vocabulary: terms found in at least COMMON_TERM_SHARE of the texts. */
export function commonTerms(texts: readonly string[]): Set<string> {
  const df = new Map<string, number>();
  for (const text of texts)
    for (const t of new Set(tokenize(text, 'index'))) df.set(t, (df.get(t) ?? 0) + 1);
  const least = Math.max(2, Math.ceil(texts.length * COMMON_TERM_SHARE));
  return new Set([...df].filter(([, n]) => n >= least).map(([t]) => t));
}

/** Bold words that are emphasis rather than terms (`**尽管** … **但是并非**`). */
const CONNECTIVES = new Set([
  '尽管',
  '但是',
  '但是并非',
  '并非',
  '因此',
  '所以',
  '而且',
  '并且',
  '只是',
  '不是',
  '注意',
  '重要',
  '必须',
  '不能',
  '可以',
]);

/**
 * Bold phrases rather than names: a leading preposition (`在风格迁移中`, `通过…`) or an aspect
 * particle (`BN 改善了优化过程`) marks a clause fragment. A blank should hide a term one can name.
 */
const PHRASE = /^(在|对于|从|把|被|将|由于|通过)|了/u;

/** Why a bold run cannot be a cloze answer. */
export function termProblem(term: string): RejectReason | null {
  if (/\$/.test(term)) return 'term-is-formula';
  if (/[，。；：,;:！？!?]/u.test(term.replace(/[:：]$/u, ''))) return 'term-is-clause';
  const units = proseUnits(term);
  if (units > MAX_TERM_UNITS || Array.from(term).length > 24) return 'term-too-long';
  if (units === 0 || CONNECTIVES.has(term) || Array.from(term.replace(/\s/g, '')).length < 2)
    return 'not-a-term';
  if (PHRASE.test(term)) return 'not-a-term';
  return null;
}
