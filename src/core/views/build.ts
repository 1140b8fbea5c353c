import type { IncompleteReason, Question } from '../bank/model.js';
import { texToUnicode } from '../text/tex-unicode.js';
import { writeBlocks, type BlockContext } from './blocks.js';
import type { ButtonSlot, QuestionDocument } from './document.js';
import { PartWriter } from './writer.js';

export interface BuildOptions {
  /** Include the key points and the answer (a lookup); without, the question alone (a daily post). */
  withAnswer: boolean;
  /** Mark the answer's parts so platforms that can hide them until clicked do. */
  spoiler?: boolean;
  /** Inline TeX → Unicode; defaults to `texToUnicode`. Tests pass their own to pin the rule. */
  inlineMath?: (tex: string) => string | null;
}

const INCOMPLETE_WHY: Record<IncompleteReason, string> = {
  'empty-body': 'it has no body',
  'link-only': 'its body is only a link',
  'empty-subsections': 'some of its sections are empty',
  'no-answer': 'it has no answer',
};

/** A question as a message document: pure and synchronous; formulas stay TeX until `renderDocument`. */
export function buildQuestionDocument(question: Question, options: BuildOptions): QuestionDocument {
  const w = new PartWriter();
  let labels = 0;
  const ctx: BlockContext = {
    inlineMath: options.inlineMath ?? texToUnicode,
    nextLabel: () => `⟨${++labels}⟩`,
  };

  if (!question.complete) {
    const why = question.incomplete.map((r) => INCOMPLETE_WHY[r]).join('; ');
    w.note('incomplete', [
      { text: `This question is not finished in the bank yet${why ? ` (${why})` : ''}.` },
    ]);
  }
  writeBlocks(question.lead, w, ctx);

  if (options.withAnswer) {
    const hasAnswer = question.answer.length > 0;
    w.spoiler = Boolean(options.spoiler) && hasAnswer;
    if (question.keyPoints) {
      w.write('body', [{ text: 'Key points: ', bold: true }, { text: question.keyPoints }], '\n\n');
    }
    // A heading only where something comes before the answer to tell it from.
    if (hasAnswer && (question.lead.length > 0 || question.keyPoints)) {
      w.write('body', [{ text: 'Answer', bold: true }], '\n\n');
    }
    writeBlocks(question.answer, w, ctx);
    w.spoiler = false;
    if (!hasAnswer) w.note('no-answer', [{ text: 'No answer in the bank yet.' }]);
  }

  if (question.refs.length > 0) {
    w.note('see-also', [{ text: 'See also: ' }, { text: question.refs.join(', '), bold: true }]);
  }

  const buttons: ButtonSlot[] = options.withAnswer ? [{ action: 'rate' }] : [{ action: 'reveal' }];
  return {
    questionId: question.id,
    title: `${question.id} · ${question.title}`,
    parts: w.finish(),
    buttons,
  };
}
