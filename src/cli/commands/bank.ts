import type { Command } from 'commander';
import { loadBank } from '../../bank/load.js';
import { bankStats } from '../../core/bank/stats.js';
import { loadConfig } from '../../config.js';
import { type BankOption, displayPath } from '../context.js';

/** `quizbot bank stats` and `quizbot bank lint`. */
export function registerBank(program: Command): void {
  const bank = program.command('bank').description('inspect and check question banks');

  bank
    .command('stats')
    .description('count questions, tags, formulas and figures')
    .option('--json', 'print one JSON object')
    .option('--bank <path>', 'a bank file or folder (default: BANK_PATH or data/)')
    .action(async (options: BankOption & { json?: boolean }) => {
      const loaded = await loadBank(options.bank ?? loadConfig().bankPath);
      const stats = bankStats(loaded);
      const shown = { ...stats, files: stats.files.map(displayPath) };
      if (options.json) {
        process.stdout.write(`${JSON.stringify(shown)}\n`);
        return;
      }
      const tags = Object.entries(stats.byTag)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ');
      process.stdout.write(
        [
          `${stats.questions} questions in ${shown.files.join(', ')}`,
          `tags: ${tags || 'none'}${stats.untagged ? `; untagged ${stats.untagged}` : ''}`,
          `incomplete: ${stats.incomplete.length ? stats.incomplete.join(', ') : 'none'}`,
          `formulas: ${stats.formulas.display} display, ${stats.formulas.inline} inline`,
          `figures: ${stats.images.found} found, ${stats.images.missing} missing, ${stats.images.remote} remote`,
          `errors: ${stats.errors.length}, warnings: ${stats.warnings}`,
        ].join('\n') + '\n',
      );
    });

  bank
    .command('lint')
    .description('check banks; prints file:line: messages, exits 1 when there are errors')
    .argument('[paths...]', 'bank files or folders (default: BANK_PATH or data/)')
    .option('-q, --quiet', 'print errors only')
    .action(async (paths: string[], options: { quiet?: boolean }) => {
      const loaded = await loadBank(paths.length ? paths : [loadConfig().bankPath]);
      const errors = loaded.issues.filter((i) => i.severity === 'error');
      const shown = options.quiet ? errors : loaded.issues;
      for (const i of shown)
        process.stdout.write(`${displayPath(i.file)}:${i.line}: ${i.severity}: ${i.message}\n`);
      const warnings = loaded.issues.length - errors.length;
      process.stderr.write(
        `${loaded.questions.length} questions in ${loaded.files.length} file(s): ${errors.length} error(s), ${warnings} warning(s)\n`,
      );
      if (errors.length) process.exitCode = 1;
    });
}
