import type { Command } from 'commander';
import { searchQuestions } from '../../core/catalog.js';
import { type BankOption, CliError, openCatalog, outputStyle } from '../context.js';
import { positiveInt } from '../options.js';

/** `quizbot search QUERY`: ranked matches with an excerpt each. */
export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search titles, key points and answers (Chinese and English)')
    .argument('<query...>', 'words to look for')
    .option('--json', 'print the hits as JSON')
    .option('--limit <n>', 'most hits to show (1-50)', positiveInt(50), 10)
    .option('--tag <tag>', 'only questions with this tag or section')
    .option('--bank <path>', 'a bank file or folder')
    .action(
      async (
        words: string[],
        options: BankOption & { json?: boolean; limit: number; tag?: string },
      ) => {
        const catalog = await openCatalog(options);
        const query = words.join(' ');
        const result = searchQuestions(catalog, query, {
          limit: options.limit,
          ...(options.tag ? { tag: options.tag } : {}),
        });
        if (result.kind === 'empty-query') throw new CliError('the search query is empty', 2);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ query, hits: result.hits })}\n`);
          return;
        }
        if (result.hits.length === 0) {
          process.stdout.write(`no questions match "${query}"\n`);
          return;
        }
        const style = outputStyle();
        for (const hit of result.hits) {
          process.stdout.write(
            `${style.bold(`${hit.id} · ${hit.title}`)}\n  ${style.dim(hit.excerpt.text)}\n`,
          );
        }
      },
    );
}
