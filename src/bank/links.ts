import type { BankIssue, Block, Inline, Question } from '../core/bank/model.js';
import { inlineText } from '../core/bank/text.js';
import { imagesOf } from '../core/bank/walk.js';

const QUOTE_REF = /^\s*Q\s*(\d+)\s*[:：]/i;
const TEXT_REF = /(?:见|参见|see)\s*Q\s*(\d+)/gi;
const DANGLING_REF = /(?:见|参见|see)\s*Q\s*$/i;

const REASON_TEXT: Record<string, string> = {
  'empty-body': 'the question has no answer yet',
  'link-only': 'the answer is only a link',
  'empty-subsections': 'the answer has empty sub-sections',
  'no-answer': 'the answer is missing',
};

/** Fills `refs` (`> Q32: …` in a quote, `见 Q31` in text) and reports references to nowhere. */
export function resolveRefs(questions: Question[]): BankIssue[] {
  const byNumber = new Map<number, Question>();
  for (const q of questions)
    if (q.number !== null && !byNumber.has(q.number)) byNumber.set(q.number, q);
  const issues: BankIssue[] = [];
  for (const q of questions) {
    const refs = new Set<string>();
    const add = (n: number, line: number): void => {
      const target = questions.find((t) => t.bank === q.bank && t.number === n) ?? byNumber.get(n);
      if (target && target !== q) refs.add(target.id);
      else if (!target)
        issues.push(
          at(q, line, 'warning', 'unknown-ref', `refers to Q${n}, which is not in the bank`),
        );
    };
    walkParagraphs([...q.lead, ...q.answer], false, (runs, line, quoted) => {
      const text = inlineText(runs);
      const m = quoted ? QUOTE_REF.exec(text) : null;
      if (m) add(Number(m[1]), line);
      for (const t of text.matchAll(TEXT_REF)) add(Number(t[1]), line);
      if (DANGLING_REF.test(text.trim())) {
        issues.push(
          at(q, line, 'warning', 'dangling-ref', `"${text.trim()}" refers to no question`),
        );
      }
    });
    q.refs = [...refs];
  }
  return issues;
}

/** Warnings an author should see: incomplete questions and figures that are not in the bank. */
export function qualityIssues(questions: Question[]): BankIssue[] {
  const issues: BankIssue[] = [];
  for (const q of questions) {
    for (const reason of q.incomplete) {
      issues.push(
        at(
          q,
          q.source.line,
          'warning',
          `incomplete:${reason}`,
          `${q.id} is incomplete: ${REASON_TEXT[reason]}`,
        ),
      );
    }
    for (const { image, line } of imagesOf([...q.lead, ...q.answer])) {
      if (image.status === 'missing') {
        issues.push(
          at(q, line, 'warning', 'missing-image', `figure ${image.url} is not in the bank folder`),
        );
      }
    }
  }
  return issues;
}

function at(
  q: Question,
  line: number,
  severity: BankIssue['severity'],
  code: string,
  message: string,
): BankIssue {
  return { severity, file: q.source.file, line, code, message };
}

type ParagraphVisitor = (runs: Inline[], line: number, quoted: boolean) => void;

function walkParagraphs(blocks: Block[], quoted: boolean, visit: ParagraphVisitor): void {
  for (const b of blocks) {
    if (b.type === 'paragraph') visit(b.children, b.line, quoted);
    else if (b.type === 'quote') walkParagraphs(b.children, true, visit);
    else if (b.type === 'list') for (const item of b.items) walkParagraphs(item, quoted, visit);
  }
}
