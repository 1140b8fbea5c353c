import { randomQuestion } from '../../../core/catalog.js';
import { type QuizHandler, ok, refused } from '../context.js';
import { formatQuestion } from '../format.js';

/** `/quiz random [tag:]`: a random complete question. */
export const random: QuizHandler = async (ctx, options) => {
  const tag = typeof options.tag === 'string' ? options.tag : undefined;
  const result = randomQuestion(ctx.services.catalog, tag ? { tag } : {});
  if (result.kind === 'found') return ok(formatQuestion(result.question, ctx.style));
  return refused(ctx.words().lookup.noRandom(result.tag, result.known));
};
