import path from 'node:path';
import type { Command } from 'commander';
import type { FormulaRenderer } from '../../core/ports.js';
import { createFormulaRenderer } from '../../render/create.js';
import { type BankOption, displayPath, openCatalog, requireQuestion } from '../context.js';
import { writePreview } from '../preview/write.js';

export interface PreviewDeps {
  /** The formula renderer to use; tests pass a fake, the CLI the real worker pool + cache. */
  createRenderer(): FormulaRenderer;
}

const defaultDeps: PreviewDeps = { createRenderer: () => createFormulaRenderer() };

interface PreviewCliOptions extends BankOption {
  out: string;
  answer: boolean;
  spoiler?: boolean;
}

/** `quizbot preview ID --out DIR`: the formula PNGs and an index.html showing Discord and Slack side by side. */
export function registerPreview(program: Command, deps: PreviewDeps = defaultDeps): void {
  program
    .command('preview')
    .description(
      'write the PNGs and an index.html showing a question as Discord (dark) and Slack (light) will',
    )
    .argument('<id>', 'question id (Q3, q3, 3, a Q-xxxxxx id or an exact title)')
    .requiredOption('--out <dir>', 'folder to write index.html and the images to')
    .option('--no-answer', 'preview the question alone, as a daily post shows it')
    .option('--spoiler', 'hide the answer behind spoilers where the platform can (Discord)')
    .option('--bank <path>', 'a bank file or folder')
    .action(async (id: string, options: PreviewCliOptions) => {
      const catalog = await openCatalog(options);
      const question = requireQuestion(catalog, id);
      const renderer = deps.createRenderer();
      try {
        const preview = await writePreview({
          question: question,
          renderer,
          outDir: path.resolve(options.out),
          withAnswer: options.answer,
          spoiler: Boolean(options.spoiler),
        });
        const failed = preview.failedFormulas
          ? `, ${preview.failedFormulas} formula(s) failed and show as TeX`
          : '';
        process.stdout.write(
          `wrote ${displayPath(preview.indexPath)}: Discord ${preview.discord.length} message(s), ` +
            `Slack ${preview.slack.length} message(s), ${preview.images.length} image(s)${failed}\n`,
        );
      } finally {
        await renderer.close();
      }
    });
}
