import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { z } from 'zod';

/** A YAML path as zod and `yaml` both spell it. */
export type YamlPath = readonly PropertyKey[];

/** Finds 1-based source lines for paths into one parsed YAML document. */
export class Positions {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /**
   * The line of the value at `path`; where the path stops existing (a missing key), the line of
   * the deepest part that exists, which is where the author has to add it.
   */
  lineOf(path: YamlPath, atKey?: string): number {
    let node: unknown = this.doc.contents;
    let line = this.line(node) ?? 1;
    const parts = atKey === undefined ? path : [...path, atKey];
    for (const [i, part] of parts.entries()) {
      const next = child(node, part);
      if (next === undefined) break;
      // An unknown key is reported on the key itself, not on its value.
      const onKey = atKey !== undefined && i === parts.length - 1;
      node = next.value;
      line = this.line(onKey ? next.key : (next.value ?? next.key)) ?? line;
    }
    return line;
  }

  /** The line of a byte offset (for parser errors). */
  lineAtOffset(offset: number): number {
    return this.lines.linePos(offset).line;
  }

  private line(node: unknown): number | undefined {
    const range = (node as Node | null | undefined)?.range;
    return range ? this.lines.linePos(range[0]).line : undefined;
  }
}

function child(node: unknown, part: PropertyKey): { key?: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find(
      (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part),
    );
    return pair ? { key: pair.key, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof part === 'number') {
    const item = node.items[part];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

/** One zod issue as an author-facing message and the line it belongs on. */
export function describeIssue(
  issue: z.core.$ZodIssue,
  root: unknown,
  positions: Positions,
): { line: number; message: string } {
  const path = issue.path;
  const field = path.filter((p) => typeof p === 'string').at(-1);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return {
      line: positions.lineOf(path, key),
      message: `unknown field "${issue.keys.join('", "')}"`,
    };
  }
  const line = positions.lineOf(path);
  if (
    issue.code === 'invalid_union' &&
    'discriminator' in issue &&
    issue.discriminator === 'type'
  ) {
    const got = valueAt(root, path);
    const seen = got === undefined ? 'missing' : `"${String(got)}"`;
    return { line, message: `type must be "choice" or "numeric" (got ${seen})` };
  }
  if (field !== undefined && valueAt(root, path) === undefined) {
    return { line, message: `missing "${String(field)}"` };
  }
  const named = field === undefined || issue.message.includes(String(field));
  return { line, message: named ? issue.message : `${String(field)}: ${issue.message}` };
}

function valueAt(root: unknown, path: YamlPath): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}
