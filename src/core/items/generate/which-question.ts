import type { Question } from '../../bank/model.js';
import { hash } from '../../quiz/rotation.js';
import type { ChoiceItem, ChoiceOption } from '../model.js';
import { createRng } from '../random.js';
import { foldAnswer, nearDuplicate } from '../similarity.js';
import type { ExcerptCandidate } from './candidates.js';
import {
  excerptTextProblem,
  MAX_EXCERPT_UNITS,
  proseUnits,
  sharedTitleTerms,
  TARGET_EXCERPT_UNITS,
} from './rules.js';
import { type Built, MIN_OPTION_COUNT, OPTION_COUNT, OPTION_IDS, reject, tagsOf } from './built.js';

/** What an excerpt is judged against: its group, the bank's vocabulary and every question's text. */
export interface ExcerptContext {
  peers: readonly Question[];
  common: ReadonlySet<string>;
  /** Folded key points + text of every complete question, by id. */
  folded: ReadonlyMap<string, string>;
  seed: string;
}

/** Text found in this many other questions is boilerplate (`Key Takeaway: Standard answer…`). */
const MAX_SHARING_QUESTIONS = 1;

/** "Which question does this excerpt answer?" with titles from the same tag or section as options. */
export function whichQuestionItem(
  candidate: ExcerptCandidate,
  context: ExcerptContext,
): Built<ChoiceItem> {
  const { peers, common, seed } = context;
  const { question } = candidate;
  if (candidate.linkOnly) return reject('link-only', 'the paragraph is only a link');
  const problem = excerptTextProblem(candidate.text);
  if (problem) return reject(problem, `${proseUnits(candidate.text)} units of prose`);
  const excerpt = cutExcerpt(candidate.text);
  if (excerpt === null)
    return reject('too-long', `first sentence is over ${MAX_EXCERPT_UNITS} units`);
  const shared = sharedTitleTerms(question.title, excerpt, common);
  if (shared.length > 0)
    return reject('contains-title-words', `shares ${shared.join(', ')} with the title`);

  const id = `wq-${question.id}-${hash(excerpt).toString(36)}`;
  const rng = createRng(seed, id);
  const folded = foldAnswer(excerpt.replace(/…$/u, ''));
  const sharing = new Set(
    [...context.folded]
      .filter(([id, text]) => id !== question.id && text.includes(folded))
      .map(([id]) => id),
  );
  if (sharing.size > MAX_SHARING_QUESTIONS) {
    return reject(
      'shared-text',
      `also in ${sharing.size} other questions (${[...sharing].slice(0, 3).join(', ')}…)`,
    );
  }
  // A peer that says the same thing (Q1 and Q2 share a formula) would be a second right answer.
  // A distractor whose own title words are in the excerpt could pass for the answer, too.
  const usable = peers.filter(
    (p) =>
      p.id !== question.id &&
      !sharing.has(p.id) &&
      !nearDuplicate(p.title, question.title) &&
      sharedTitleTerms(p.title, excerpt, common).length === 0,
  );
  const distractors: Question[] = [];
  for (const p of rng.shuffle(usable)) {
    if (distractors.length === OPTION_COUNT - 1) break;
    if (!distractors.some((d) => nearDuplicate(d.title, p.title))) distractors.push(p);
  }
  if (distractors.length < MIN_OPTION_COUNT - 1) {
    return reject(
      'too-few-options',
      `${distractors.length + 1} usable title(s) in its tag or section`,
    );
  }
  const order = rng.shuffle([question, ...distractors]);
  const options: ChoiceOption[] = order.map((q, i) => ({ id: OPTION_IDS[i]!, text: q.title }));
  const chinese = /\p{Script=Han}/u.test(excerpt + question.title);
  return {
    ok: true,
    item: {
      kind: 'choice',
      id,
      sources: [question.id],
      tags: tagsOf(question),
      prompt: `${chinese ? '这段内容回答的是哪个问题？' : 'Which question does this excerpt answer?'}\n\n${excerpt}`,
      explanation: `${question.id}: ${question.title}`,
      options,
      answer: [options[order.indexOf(question)]!.id],
      origin: { kind: 'generated', generator: 'which-question', line: candidate.line },
    },
  };
}

/** Whole sentences up to about TARGET units; null when even the first sentence is far too long. */
function cutExcerpt(text: string): string | null {
  if (proseUnits(text) <= MAX_EXCERPT_UNITS) return text;
  const sentences = text.match(/[^。！？；!?;\n]+(?:[。！？；!?;\n]|$)/gu) ?? [text];
  let out = '';
  for (const sentence of sentences) {
    if (out !== '' && proseUnits(out + sentence) > TARGET_EXCERPT_UNITS) break;
    out += sentence;
  }
  return proseUnits(out) > MAX_EXCERPT_UNITS ? null : `${out.trim()}…`;
}
