import type { Question } from '../../bank/model.js';
import type { ChoiceItem, ClozeItem } from '../model.js';
import { excerptCandidates, termCandidates } from './candidates.js';
import { clozeItem, type KeyTerm, keyTermOf, labelsOf } from './cloze.js';
import { foldAnswer } from '../similarity.js';
import { commonTerms, type RejectReason } from './rules.js';
import { whichQuestionItem } from './which-question.js';

/** A candidate that did not become an item, and why (for tests and `items sample --explain`). */
export interface Rejection {
  generator: 'which-question' | 'cloze';
  question: string;
  group: string;
  line: number;
  text: string;
  reason: RejectReason;
  detail: string;
}

export interface GeneratedItems {
  items: (ChoiceItem | ClozeItem)[];
  rejected: Rejection[];
}

/** The group of questions that share options: the first tag, else the innermost section. */
export const UNTAGGED = '(untagged)';

/** Which group a question's items draw their options from. */
export function groupOf(question: Question): string {
  return question.tags[0] ?? question.sections.at(-1) ?? UNTAGGED;
}

/**
 * Every item the generators can make from a bank's complete questions, plus every rejected
 * candidate with its reason. Candidates are enumerated in bank order; the seed only chooses
 * distractors and option order, so the same bank and seed always give the same items.
 */
export function generateItems(
  questions: readonly Question[],
  options: { seed: string },
): GeneratedItems {
  const complete = questions.filter((q) => q.complete);
  const groups = new Map<string, Question[]>();
  for (const q of complete) groups.set(groupOf(q), [...(groups.get(groupOf(q)) ?? []), q]);

  const items: (ChoiceItem | ClozeItem)[] = [];
  const rejected: Rejection[] = [];
  const seen = new Set<string>();
  const keep = (
    item: ChoiceItem | ClozeItem,
    reject: (reason: RejectReason, detail: string) => void,
  ) => {
    if (seen.has(item.id)) return reject('duplicate', `same item as ${item.id}`);
    seen.add(item.id);
    items.push(item);
  };

  const folded = new Map(
    complete.map((q) => [q.id, foldAnswer(`${q.keyPoints ?? ''}\n${q.text}`)]),
  );
  const common = commonTerms(complete.map((q) => `${q.title}\n${q.keyPoints ?? ''}\n${q.text}`));
  for (const q of complete) {
    const context = { peers: groups.get(groupOf(q))!, common, folded, seed: options.seed };
    const accepted: string[] = [];
    for (const c of excerptCandidates(q)) {
      const built = whichQuestionItem(c, context);
      const reject = (reason: RejectReason, detail: string) =>
        rejected.push({
          generator: 'which-question',
          question: q.id,
          group: groupOf(q),
          line: c.line,
          text: c.text,
          reason,
          detail,
        });
      const folded = foldAnswer(c.text);
      // A list item already shown inside its joined list would be the same item twice.
      const inside = accepted.find((a) => a.includes(folded));
      if (!built.ok) reject(built.reason, built.detail);
      else if (inside !== undefined) reject('duplicate', 'already part of an accepted excerpt');
      else {
        accepted.push(folded);
        keep(built.item, reject);
      }
    }
  }

  const terms = complete.flatMap((q) => termCandidates(q));
  const labels = labelsOf(terms);
  const pool: KeyTerm[] = terms.flatMap((c) => {
    const key = keyTermOf(c, labels);
    return key.ok ? [{ question: c.question, group: groupOf(c.question), term: key.item }] : [];
  });
  for (const c of terms) {
    const q = c.question;
    const built = clozeItem(c, { pool, labels, group: groupOf(q), seed: options.seed });
    const reject = (reason: RejectReason, detail: string) =>
      rejected.push({
        generator: 'cloze',
        question: q.id,
        group: groupOf(q),
        line: c.line,
        text: c.sentence,
        reason,
        detail,
      });
    if (built.ok) keep(built.item, reject);
    else reject(built.reason, built.detail);
  }
  return { items, rejected };
}
