import type { Command } from 'commander';
import { randomQuestion } from '../../core/catalog.js';
import { formatQuestion } from '../../platforms/console/format.js';
import { type BankOption, CliError, openCatalog, outputStyle } from '../context.js';

/** `quizbot random [--tag T]`: a random complete question. */
export function registerRandom(program: Command): void {
  program
    .command('random')
    .description('print a random complete question')
    .option('--tag <tag>', 'only questions with this tag or section (e.g. DL)')
    .option('--json', 'print the parsed question as JSON')
    .option('--no-answer', 'print the question without its answer')
    .option('--bank <path>', 'a bank file or folder')
    .action(async (options: BankOption & { tag?: string; json?: boolean; answer: boolean }) => {
      const catalog = await openCatalog(options);
      const result = randomQuestion(catalog, options.tag ? { tag: options.tag } : {});
      if (result.kind === 'none') {
        throw new CliError(
          result.tag === null
            ? 'the bank has no complete questions'
            : `no complete question has tag "${result.tag}"; tags in this bank: ${result.known.join(', ')}`,
        );
      }
      if (options.json) process.stdout.write(`${JSON.stringify(result.question)}\n`);
      else
        process.stdout.write(`${formatQuestion(result.question, outputStyle(), options.answer)}\n`);
    });
}
