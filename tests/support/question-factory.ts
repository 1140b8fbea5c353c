/** Hand-built questions for unit tests of core, so they need no Markdown parser. */
import type { Question } from '../../src/core/bank/model.js';

type QuestionInput = Partial<Question> & { title: string };

/** A complete question; `id` defaults to `Q{number}`, and `number` to the one in a `Qn` id. */
export function makeQuestion(input: QuestionInput): Question {
  const numbered = input.id ? /^Q(\d+)$/.exec(input.id) : null;
  const number = input.number !== undefined ? input.number : numbered ? Number(numbered[1]) : null;
  const id = input.id ?? (number === null ? `Q-${hashOf(input.title)}` : `Q${number}`);
  return {
    level: 1,
    keyPoints: null,
    lead: [],
    answer: [],
    refs: [],
    sections: [],
    complete: true,
    incomplete: [],
    text: '',
    tags: [],
    source: { file: 'test.md', line: 1 },
    bank: 'test.md',
    ...input,
    id,
    number,
  };
}

function hashOf(text: string): string {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return h.toString(16).padStart(6, '0').slice(0, 6);
}
