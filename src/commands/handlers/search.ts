import { searchQuestions } from '../../core/catalog.js';
import { failed } from '../reply.js';
import { integerOption, textOption } from './options.js';
import type { CommandHandler } from './types.js';

/** How many hits a search shows when `limit` is not given. */
const DEFAULT_SEARCH_LIMIT = 5;

/** `/quiz search QUERY [tag:] [limit:]`: ranked hits with an excerpt each. */
export const search: CommandHandler = async ({ catalog }, { options }) => {
  const query = textOption(options, 'query') ?? '';
  const tag = textOption(options, 'tag');
  const result = searchQuestions(catalog, query, {
    limit: integerOption(options, 'limit') ?? DEFAULT_SEARCH_LIMIT,
    ...(tag === undefined ? {} : { tag }),
  });
  if (result.kind === 'empty-query') return failed({ code: 'empty-query' });
  if (result.hits.length === 0) return failed({ code: 'no-hits', query });
  return { kind: 'search', query, hits: result.hits };
};
