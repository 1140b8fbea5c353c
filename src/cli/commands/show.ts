import type { Command } from 'commander';
import { showQuestion } from '../../core/catalog.js';
import { formatQuestion } from '../../platforms/console/format.js';
import { type BankOption, CliError, openCatalog, outputStyle } from '../context.js';

/** `quizbot show ID`: one question and its answer. */
export function registerShow(program: Command): void {
  program
    .command('show')
    .description('print a question and its answer (Q3, q3, 3, a Q-xxxxxx id or an exact title)')
    .argument('<id>', 'question id')
    .option('--json', 'print the parsed question as JSON')
    .option('--no-answer', 'print the question without its answer')
    .option('--bank <path>', 'a bank file or folder')
    .action(async (id: string, options: BankOption & { json?: boolean; answer: boolean }) => {
      const catalog = await openCatalog(options);
      const result = showQuestion(catalog, id);
      if (result.kind === 'unknown') {
        const hint = result.suggestions.length
          ? `; did you mean ${result.suggestions
              .slice(0, 3)
              .map((s) => s.label)
              .join(' / ')}?`
          : '';
        throw new CliError(`no question "${id}"${hint}`);
      }
      if (options.json) {
        process.stdout.write(`${JSON.stringify(result.question)}\n`);
        return;
      }
      process.stdout.write(`${formatQuestion(result.question, outputStyle(), options.answer)}\n`);
    });
}
