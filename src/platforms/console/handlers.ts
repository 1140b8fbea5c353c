import { quizCommand } from '../../../commands/quiz.js';
import { helpText } from '../../commands/help.js';
import type { OptionValue } from '../../commands/parse-text.js';
import { type Catalog, randomQuestion, searchQuestions, showQuestion } from '../../core/catalog.js';
import { formatQuestion, type Style } from './format.js';

export interface ConsoleContext {
  catalog: Catalog;
  style: Style;
}

type Handler = (ctx: ConsoleContext, options: Record<string, OptionValue>) => string;

const show: Handler = ({ catalog, style }, options) => {
  const result = showQuestion(catalog, String(options.id));
  if (result.kind === 'found') return formatQuestion(result.question, style);
  const hint = result.suggestions.map((s) => `  ${s.label}`).join('\n');
  return `No question "${result.input}".${hint ? `\nDid you mean:\n${hint}` : ''}`;
};

const search: Handler = ({ catalog, style }, options) => {
  const query = String(options.query);
  const result = searchQuestions(catalog, query, {
    limit: typeof options.limit === 'number' ? options.limit : 5,
    ...(typeof options.tag === 'string' ? { tag: options.tag } : {}),
  });
  if (result.kind === 'empty-query') return 'Type something to search for.';
  if (result.hits.length === 0) return `Nothing matches "${query}".`;
  return result.hits.map((h) => `${style.bold(`${h.id} · ${h.title}`)}\n  ${style.dim(h.excerpt.text)}`).join('\n');
};

const random: Handler = ({ catalog, style }, options) => {
  const result = randomQuestion(catalog, typeof options.tag === 'string' ? { tag: options.tag } : {});
  if (result.kind === 'found') return formatQuestion(result.question, style);
  return `No complete question has tag "${result.tag}". Tags: ${result.known.join(', ')}`;
};

const help: Handler = () => helpText(quizCommand, 'en');

/** One handler per subcommand, listed explicitly. */
export const consoleHandlers: Readonly<Record<string, Handler>> = { show, search, random, help };
