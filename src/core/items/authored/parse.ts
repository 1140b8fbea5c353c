import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { AuthoredItem } from '../model.js';
import type { ItemIssue } from './context.js';
import { convertEntry } from './convert.js';
import { describeIssue, Positions } from './positions.js';
import { itemSchema } from './schema.js';

export type { ItemIssue } from './context.js';

export interface ParsedItems {
  items: AuthoredItem[];
  issues: ItemIssue[];
}

/**
 * Reads one authored items file. Every entry is checked on its own, so one broken item is reported
 * without hiding the others; broken entries are left out of `items`. With `questions` (the bank's
 * ids), sources are checked too.
 */
export function parseItemsFile(
  file: string,
  source: string,
  options: { questions?: ReadonlySet<string> } = {},
): ParsedItems {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const positions = new Positions(doc, lines);
  const issues: ItemIssue[] = doc.errors.map((e) => ({
    file,
    line: positions.lineAtOffset(e.pos[0]),
    message: `YAML: ${e.message.split('\n')[0]}`,
  }));
  if (issues.length > 0) return { items: [], issues };

  const root = doc.contents;
  const list = isMap(root) ? root.get('items', true) : undefined;
  if (!isMap(root) || !isSeq(list)) {
    return {
      items: [],
      issues: [{ file, line: 1, message: 'the file must hold "items:" with a list of items' }],
    };
  }
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value);
    if (key !== 'items')
      issues.push({ file, line: positions.lineOf([], key), message: `unknown field "${key}"` });
  }

  const raw = doc.toJS() as { items: unknown[] };
  const items: AuthoredItem[] = [];
  raw.items.forEach((entry, i) => {
    const path = ['items', i];
    const checked = itemSchema.safeParse(entry);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const described = describeIssue(
          { ...issue, path: [...path, ...issue.path] },
          raw,
          positions,
        );
        issues.push({ file, ...described, message: prefix(entry, described.message) });
      }
      return;
    }
    const ctx = {
      file,
      path,
      line: positions.lineOf(path),
      positions,
      questions: options.questions ?? null,
      issues,
    };
    const item = convertEntry(checked.data, ctx);
    if (item) items.push(item);
  });
  issues.sort((a, b) => a.line - b.line);
  return { items, issues };
}

function prefix(entry: unknown, message: string): string {
  const id = (entry as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? `${id}: ${message}` : message;
}

/** Ids used by more than one item across files: every use after the first is an issue. */
export function duplicateIds(items: readonly AuthoredItem[]): ItemIssue[] {
  const first = new Map<string, AuthoredItem>();
  const issues: ItemIssue[] = [];
  for (const item of items) {
    const earlier = first.get(item.id);
    if (!earlier) {
      first.set(item.id, item);
      continue;
    }
    const { file, line } = item.origin as { file: string; line: number };
    const was = earlier.origin as { file: string; line: number };
    issues.push({
      file,
      line,
      message: `${item.id}: id is already used at ${was.file}:${was.line}`,
    });
  }
  return issues;
}
