import { searchQuestions } from '../../../core/catalog.js';
import { type QuizHandler, ok, refused } from '../context.js';

/** `/quiz search QUERY [tag:] [limit:]`: ranked hits with an excerpt each. */
export const search: QuizHandler = async (ctx, options) => {
  const query = String(options.query);
  const result = searchQuestions(ctx.services.catalog, query, {
    limit: typeof options.limit === 'number' ? options.limit : 5,
    ...(typeof options.tag === 'string' ? { tag: options.tag } : {}),
  });
  const words = ctx.words().lookup;
  if (result.kind === 'empty-query') return refused(words.emptyQuery);
  if (result.hits.length === 0) return refused(words.noHits(query));
  const { bold, dim } = ctx.style;
  return ok(
    result.hits.map((h) => `${bold(`${h.id} · ${h.title}`)}\n  ${dim(h.excerpt.text)}`).join('\n'),
  );
};
