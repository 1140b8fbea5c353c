import path from 'node:path';
import { loadBank } from '../bank/load.js';
import { loadConfig } from '../config.js';
import type { Question } from '../core/bank/model.js';
import { type Catalog, createCatalog, showQuestion } from '../core/catalog.js';
import { ansiStyle, plainStyle, type Style } from '../platforms/console/format.js';

/** Options every bank-reading command accepts. */
export interface BankOption {
  bank?: string;
}

/** The bank named by `--bank`, else `BANK_PATH`, else the project's `data/` folder. */
export async function openCatalog(options: BankOption): Promise<Catalog> {
  const bankPath = options.bank ?? loadConfig().bankPath;
  return createCatalog(await loadBank(bankPath));
}

/** Paths in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** ANSI styling only for a terminal with colours (Node's check honours NO_COLOR and FORCE_COLOR). */
export function outputStyle(stream: NodeJS.WriteStream = process.stdout): Style {
  return stream.isTTY && stream.hasColors() ? ansiStyle : plainStyle;
}

/** A failure the CLI reports as one line and exit code 1 (usage errors use 2). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The question an id names, or a CliError naming the closest ones. */
export function requireQuestion(catalog: Catalog, id: string): Question {
  const result = showQuestion(catalog, id);
  if (result.kind === 'found') return result.question;
  const hint = result.suggestions.length
    ? `; did you mean ${result.suggestions
        .slice(0, 3)
        .map((s) => s.label)
        .join(' / ')}?`
    : '';
  throw new CliError(`no question "${id}"${hint}`);
}
