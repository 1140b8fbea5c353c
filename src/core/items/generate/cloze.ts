import type { Question } from '../../bank/model.js';
import { hash } from '../../quiz/rotation.js';
import { normalize } from '../../search/tokenize.js';
import { BLANK, type ChoiceOption, type ClozeItem } from '../model.js';
import { createRng } from '../random.js';
import { foldAnswer, nearDuplicate } from '../similarity.js';
import type { TermCandidate } from './candidates.js';
import { MIN_CONTEXT_UNITS, proseUnits, termProblem } from './rules.js';
import { type Built, OPTION_COUNT, OPTION_IDS, reject, tagsOf } from './built.js';

/** A key term available as a distractor: a bold run that passed the term rules. */
export interface KeyTerm {
  question: Question;
  group: string;
  term: string;
}

/**
 * Trims what authors put around a bold term (`**VGGNet:**`, `“**白化**”`, `**(个别**`) and reports
 * where it sits. Brackets go only when unbalanced, so `iter()` and `白化（whitening）` stay whole.
 */
function cleanTerm(
  sentence: string,
  start: number,
  end: number,
): { term: string; start: number; end: number } {
  let s = start;
  let e = end;
  const term = () => sentence.slice(s, e);
  for (let changed = true; changed && s < e;) {
    changed = false;
    const t = term();
    const first = t[0]!;
    const last = t[t.length - 1]!;
    const opens = (t.match(/[(（]/gu) ?? []).length;
    const closes = (t.match(/[)）]/gu) ?? []).length;
    if (/[\s“"'「]/u.test(first) || (/[(（]/u.test(first) && opens > closes)) {
      s++;
      changed = true;
    } else if (/[\s”"'」:：,，。；;]/u.test(last) || (/[)）]/u.test(last) && closes > opens)) {
      e--;
      changed = true;
    }
  }
  return { term: term(), start: s, end: e };
}

/** The forms a typed answer may take: `白化（whitening）` also accepts `白化` and `whitening`. */
function termForms(term: string): string[] {
  const m = /^(.+?)\s*[（(]([^（）()]+)[）)]$/u.exec(term);
  return m ? [term, m[1]!.trim(), m[2]!.trim()] : [term];
}

/**
 * True when `form` occurs in `text`. Latin forms match whole words (`IN` is not in `training`);
 * Han forms match as substrings, since Chinese has no spaces between words.
 */
function occursIn(form: string, text: string): boolean {
  if (/\p{Script=Han}/u.test(form)) return foldAnswer(text).includes(foldAnswer(form));
  const words = normalize(form).match(/[\p{L}\p{N}_]+/gu);
  if (!words) return normalize(text).includes(normalize(form));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}_])${words.map(escape).join('[^\\p{L}\\p{N}_]*')}(?![\\p{L}\\p{N}_])`,
    'u',
  );
  return pattern.test(normalize(text));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Bold in this many questions, a run is a label (`**Key Takeaway**:`), not a key term. */
const LABEL_QUESTIONS = 3;

/** The usable key term of a candidate, or why it has none. */
export function keyTermOf(candidate: TermCandidate, labels: ReadonlySet<string>): Built<string> {
  const { term } = cleanTerm(candidate.sentence, candidate.start, candidate.end);
  if (labels.has(foldAnswer(term)))
    return reject('not-a-term', `"${term}" is a label used in many questions`);
  const problem = termProblem(term);
  return problem ? reject(problem, `"${term}"`) : { ok: true, item: term };
}

/** Folded bold runs that appear in LABEL_QUESTIONS or more questions. */
export function labelsOf(candidates: readonly TermCandidate[]): Set<string> {
  const where = new Map<string, Set<string>>();
  for (const c of candidates) {
    const key = foldAnswer(cleanTerm(c.sentence, c.start, c.end).term);
    where.set(key, (where.get(key) ?? new Set()).add(c.question.id));
  }
  return new Set([...where].filter(([, ids]) => ids.size >= LABEL_QUESTIONS).map(([key]) => key));
}

export interface ClozeContext {
  pool: readonly KeyTerm[];
  labels: ReadonlySet<string>;
  group: string;
  seed: string;
}

/** A sentence from an answer with its bold term blanked; distractors are other questions' terms. */
export function clozeItem(candidate: TermCandidate, context: ClozeContext): Built<ClozeItem> {
  const { question } = candidate;
  const { pool, group, seed } = context;
  const key = keyTermOf(candidate, context.labels);
  if (!key.ok) return key;
  const { term, start, end } = cleanTerm(candidate.sentence, candidate.start, candidate.end);
  const blanked = `${candidate.sentence.slice(0, start)}${BLANK}${candidate.sentence.slice(end)}`;
  if (proseUnits(blanked) < MIN_CONTEXT_UNITS) {
    return reject('too-little-context', `"${blanked}" has ${proseUnits(blanked)} units of prose`);
  }
  const chinese = /\p{Script=Han}/u.test(blanked + question.title);
  const prompt = `${chinese ? `填空（${question.title}）` : `Fill in the blank (${question.title})`}\n\n${blanked}`;
  const forms = termForms(term);
  const leaked = forms.find((f) => occursIn(f, prompt.replace(BLANK, ' ')));
  if (leaked) return reject('answer-in-prompt', `"${leaked}" also appears in the prompt`);

  const id = `cz-${question.id}-${hash(`${term}\u0000${candidate.sentence}`).toString(36)}`;
  const rng = createRng(seed, id);
  const distractors = pickDistractors({ question, term, forms, prompt, group }, rng.shuffle(pool));
  if (distractors.length < OPTION_COUNT - 1) {
    return reject(
      'too-few-distractors',
      `${distractors.length} usable key term(s) from other questions`,
    );
  }
  const order = rng.shuffle([term, ...distractors]);
  const options: ChoiceOption[] = order.map((text, i) => ({ id: OPTION_IDS[i]!, text }));
  return {
    ok: true,
    item: {
      kind: 'cloze',
      id,
      sources: [question.id],
      tags: tagsOf(question),
      prompt,
      explanation: `${question.id}: ${candidate.sentence}`,
      answer: term,
      accept: forms.slice(1),
      options,
      answerOption: options[order.indexOf(term)]!.id,
      origin: { kind: 'generated', generator: 'cloze', line: candidate.line },
    },
  };
}

interface Target {
  question: Question;
  term: string;
  forms: string[];
  prompt: string;
  group: string;
}

/**
 * Distractors from other questions, preferring the same tag and the same script (a Latin term
 * among Chinese ones stands out). A term that occurs in the source question could be a second
 * right answer, so it is skipped, as are near-duplicates of the answer or of each other.
 */
function pickDistractors(target: Target, shuffled: readonly KeyTerm[]): string[] {
  const han = (t: string) => /\p{Script=Han}/u.test(t);
  const source = `${target.question.title}\n${target.question.keyPoints ?? ''}\n${target.question.text}`;
  const usable = shuffled.filter(
    (k) =>
      k.question.id !== target.question.id &&
      !target.forms.some((f) => nearDuplicate(f, k.term)) &&
      !termForms(k.term).some((f) => occursIn(f, source) || occursIn(f, target.prompt)),
  );
  const rank = (k: KeyTerm) =>
    (k.group === target.group ? 0 : 2) + (han(k.term) === han(target.term) ? 0 : 1);
  const ranked = [...usable].sort((a, b) => rank(a) - rank(b));
  const chosen: string[] = [];
  for (const k of ranked) {
    if (chosen.length === OPTION_COUNT - 1) break;
    if (!chosen.some((c) => nearDuplicate(c, k.term))) chosen.push(k.term);
  }
  return chosen;
}
