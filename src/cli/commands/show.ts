import type { Command } from 'commander';
import { formatQuestion } from '../../platforms/console/format.js';
import { type BankOption, openCatalog, outputStyle, requireQuestion } from '../context.js';

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
      const question = requireQuestion(catalog, id);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(question)}\n`);
        return;
      }
      process.stdout.write(`${formatQuestion(question, outputStyle(), options.answer)}\n`);
    });
}
