import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Bank, BankIssue, Question } from '../core/bank/model.js';
import { bankSlug } from './ids.js';
import { qualityIssues, resolveRefs } from './links.js';
import { type ParseOptions, parseBankFile } from './parse-file.js';

/** A bank path that cannot be read: a clear message naming it. */
export class BankPathError extends Error {
  readonly code = 'BANK_PATH';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BankPathError';
  }
}

/**
 * Loads one or more banks: each path is a Markdown file or a folder whose `*.md` files are read in
 * name order. Ids are unique across files: a later file's colliding ids get its file name as prefix.
 */
export async function loadBank(
  paths: string | readonly string[],
  options: ParseOptions = {},
): Promise<Bank> {
  const files = await expand(typeof paths === 'string' ? [paths] : paths);
  const questions: Question[] = [];
  const issues: BankIssue[] = [];
  const seen = new Map<string, Question>();
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    const parsed = parseBankFile(file, source, options);
    issues.push(...parsed.issues);
    const local = new Map<string, number>();
    for (const q of parsed.questions) {
      const count = (local.get(q.id) ?? 0) + 1;
      local.set(q.id, count);
      if (count > 1) {
        issues.push(
          issue(
            q,
            'warning',
            'duplicate-id',
            `id ${q.id} is used again in this file; this one is ${q.id}-${count}`,
          ),
        );
        q.id = `${q.id}-${count}`;
      }
      const earlier = seen.get(q.id.toLowerCase());
      if (earlier && earlier.bank !== q.bank) {
        const renamed = `${bankSlug(file)}-${q.id}`;
        issues.push(
          issue(
            q,
            'warning',
            'duplicate-id',
            `id ${q.id} is taken by ${earlier.source.file}:${earlier.source.line}; this one is ${renamed}`,
          ),
        );
        q.id = renamed;
      }
      seen.set(q.id.toLowerCase(), q);
      questions.push(q);
    }
  }
  issues.push(...resolveRefs(questions), ...qualityIssues(questions));
  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { questions, issues, files };
}

function issue(
  q: Question,
  severity: BankIssue['severity'],
  code: string,
  message: string,
): BankIssue {
  return { severity, file: q.source.file, line: q.source.line, code, message };
}

async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch((cause: unknown) => {
      throw new BankPathError(
        `bank path ${p} cannot be read (${(cause as NodeJS.ErrnoException).code ?? cause})`,
        { cause },
      );
    });
    if (info.isDirectory()) {
      const names = (await readdir(p)).filter(
        (n) => n.toLowerCase().endsWith('.md') && !/^readme\.md$/i.test(n),
      );
      if (names.length === 0) throw new BankPathError(`bank folder ${p} has no .md files`);
      files.push(...names.sort().map((n) => path.join(p, n)));
    } else {
      files.push(p);
    }
  }
  return files;
}
