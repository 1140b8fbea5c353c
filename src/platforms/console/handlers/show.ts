import { showQuestion } from '../../../core/catalog.js';
import { type QuizHandler, ok, refused } from '../context.js';
import { formatQuestion } from '../format.js';

/** `/quiz show ID`: the question and its answer, formulas as TeX (a terminal reads TeX fine). */
export const show: QuizHandler = async (ctx, options) => {
  const result = showQuestion(ctx.services.catalog, String(options.id));
  if (result.kind === 'found') return ok(formatQuestion(result.question, ctx.style));
  const labels = result.suggestions.map((s) => s.label);
  return refused(ctx.words().lookup.unknownQuestion(result.input, labels));
};
