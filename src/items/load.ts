import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { duplicateIds, type ItemIssue, parseItemsFile } from '../core/items/authored/parse.js';
import type { AuthoredItem } from '../core/items/model.js';

export interface LoadedItems {
  items: AuthoredItem[];
  /** Problems as `file:line: message`; broken entries are left out of `items`. */
  issues: ItemIssue[];
  files: string[];
}

/**
 * Reads authored items: each path is a YAML file or a folder whose `*.yaml` / `*.yml` files are
 * read in name order. An unreadable path is an issue, not an exception, so lint reports it in line.
 */
export async function loadAuthoredItems(
  paths: string | readonly string[],
  options: { questions?: ReadonlySet<string> } = {},
): Promise<LoadedItems> {
  const items: AuthoredItem[] = [];
  const issues: ItemIssue[] = [];
  const files: string[] = [];
  for (const p of typeof paths === 'string' ? [paths] : paths) {
    const found = await expand(p).catch((cause: NodeJS.ErrnoException) => {
      issues.push({ file: p, line: 1, message: `cannot read (${cause.code ?? cause.message})` });
      return [];
    });
    files.push(...found);
  }
  for (const file of files) {
    const parsed = parseItemsFile(file, await readFile(file, 'utf8'), options);
    items.push(...parsed.items);
    issues.push(...parsed.issues);
  }
  issues.push(...duplicateIds(items));
  return { items, issues, files };
}

async function expand(p: string): Promise<string[]> {
  if (!(await stat(p)).isDirectory()) return [p];
  const names = (await readdir(p)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  return names.map((n) => path.join(p, n));
}
