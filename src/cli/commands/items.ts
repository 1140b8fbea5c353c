import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Command } from 'commander';
import { loadBank } from '../../bank/load.js';
import { loadConfig } from '../../config.js';
import { generateItems } from '../../core/items/generate/index.js';
import { summarizeGeneration } from '../../core/items/generate/summary.js';
import { authoredFor, concreteItems, hasTag, sampleItems } from '../../core/items/sample.js';
import { loadAuthoredItems } from '../../items/load.js';
import { CliError, displayPath, outputStyle } from '../context.js';
import { formatExplanation, formatItem } from '../items-text.js';
import { positiveInt } from '../options.js';

interface SampleOptions {
  tag?: string;
  n: number;
  seed?: string;
  bank?: string;
  items?: string;
  json?: boolean;
  explain?: boolean;
}

/** The authored items folder shipped with the project. */
function defaultItemsPath(): string {
  return path.join(loadConfig().projectRoot, 'data', 'items');
}

/** `quizbot items lint` and `quizbot items sample`. */
export function registerItems(program: Command): void {
  const items = program
    .command('items')
    .description('gradable items for competitions: authored and generated');

  items
    .command('lint')
    .description('check authored item files; prints file:line: messages, exits 1 on any problem')
    .argument('[paths...]', 'YAML files or folders (default: data/items/)')
    .option(
      '--bank <path>',
      'the bank whose question ids sources must name (default: BANK_PATH or data/)',
    )
    .action(async (paths: string[], options: { bank?: string }) => {
      const bank = await loadBank(options.bank ?? loadConfig().bankPath);
      const loaded = await loadAuthoredItems(paths.length ? paths : [defaultItemsPath()], {
        questions: new Set(bank.questions.map((q) => q.id)),
      });
      for (const i of loaded.issues)
        process.stdout.write(`${displayPath(i.file)}:${i.line}: ${i.message}\n`);
      process.stderr.write(
        `${loaded.items.length} valid item(s) in ${loaded.files.length} file(s): ${loaded.issues.length} problem(s)\n`,
      );
      if (loaded.issues.length) process.exitCode = 1;
    });

  items
    .command('sample')
    .description('print sampled items (generated from the bank and authored) with their answers')
    .option('--tag <tag>', 'only items with this tag or section (e.g. DL)')
    .option('--n <n>', 'how many items', positiveInt(500), 5)
    .option('--seed <seed>', 'the same seed gives the same items (default: a random seed, printed)')
    .option('--bank <path>', 'a bank file or folder (default: BANK_PATH or data/)')
    .option('--items <path>', 'authored items file or folder (default: data/items/)')
    .option('--json', 'print one JSON object')
    .option(
      '--explain',
      'also report generation per tag and every rejected candidate with its reason',
    )
    .action(async (options: SampleOptions) => sample(options));
}

async function sample(options: SampleOptions): Promise<void> {
  const seed = options.seed ?? randomBytes(4).toString('hex');
  const bank = await loadBank(options.bank ?? loadConfig().bankPath);
  const generated = generateItems(bank.questions, { seed });
  // Sources are not checked here: items written for another bank are left out, not errors.
  const authored = await loadAuthoredItems(options.items ?? defaultItemsPath());
  if (authored.issues.length) {
    process.stderr.write(
      `quizbot: ${authored.issues.length} problem(s) in authored items skipped; run quizbot items lint\n`,
    );
  }
  const fitting = authoredFor(authored.items, new Set(bank.questions.map((q) => q.id)));
  const pool = [...generated.items, ...concreteItems(fitting, seed)];
  const picked = sampleItems(pool, {
    n: options.n,
    seed,
    ...(options.tag ? { tag: options.tag } : {}),
  });
  if (picked.length === 0) {
    const tags = [...new Set(pool.flatMap((i) => i.tags))].sort();
    throw new CliError(
      `no items with tag "${options.tag}"; tags with items: ${tags.join(', ') || 'none'}`,
    );
  }
  const summary = summarizeGeneration(generated, bank.questions);
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  const rejected = generated.rejected.filter((r) => {
    const q = byId.get(r.question);
    return hasTag({ tags: [r.group, ...(q?.tags ?? []), ...(q?.sections ?? [])] }, options.tag);
  });

  if (options.json) {
    const extra = options.explain ? { summary, rejected } : {};
    process.stdout.write(`${JSON.stringify({ seed, items: picked, ...extra })}\n`);
    return;
  }
  const style = outputStyle();
  const blocks = picked.map((item, i) => formatItem(item, i + 1, picked.length, style));
  if (options.explain) blocks.push(formatExplanation(summary, rejected, style));
  process.stdout.write(`${blocks.join('\n\n')}\n`);
  process.stderr.write(`seed: ${seed} (${pool.length} items in the pool)\n`);
}
