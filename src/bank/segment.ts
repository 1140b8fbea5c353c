import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Markers } from './markers.js';

/** A question heading and the top-level nodes under it, up to the next heading of its level or above. */
export interface Segment {
  heading: Heading;
  /** Heading text with the question marker removed. */
  title: string;
  number: number | null;
  /** Section headings above the question, outermost first. */
  sections: string[];
  nodes: RootContent[];
}

export interface SegmentOptions {
  markers: Markers;
  /** Force the question heading level instead of detecting it. */
  level?: number;
}

/**
 * Picks the heading level that holds the questions: the level with most marker headings
 * (`Q3: …`, `Q: …`), or, in a bank without markers, the level with most headings (at least two;
 * deeper wins ties).
 */
export function detectLevel(tree: Root, markers: Markers): number | null {
  const marked = new Map<number, number>();
  const all = new Map<number, number>();
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    all.set(node.depth, (all.get(node.depth) ?? 0) + 1);
    if (markers.question.test(toString(node)))
      marked.set(node.depth, (marked.get(node.depth) ?? 0) + 1);
  }
  const best = (counts: Map<number, number>): number | null => {
    let level: number | null = null;
    for (const [depth, count] of counts) {
      const current = level === null ? -1 : (counts.get(level) ?? 0);
      if (count > current || (count === current && level !== null && depth > level)) level = depth;
    }
    return level;
  };
  // Without markers one lone heading is a document title, not a bank: ask for at least two.
  return best(marked) ?? best(new Map([...all].filter(([, count]) => count >= 2)));
}

/** Splits a parsed bank into question segments; headings above the question level become sections. */
export function segment(
  tree: Root,
  options: SegmentOptions,
): { level: number | null; segments: Segment[] } {
  const level = options.level ?? detectLevel(tree, options.markers);
  if (level === null) return { level, segments: [] };
  const hasMarkers = tree.children.some(
    (n) => n.type === 'heading' && n.depth === level && options.markers.question.test(toString(n)),
  );
  const sections: (string | undefined)[] = [];
  const segments: Segment[] = [];
  let current: Segment | null = null;

  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= level) {
      const text = toString(node).trim();
      const match = options.markers.question.exec(text);
      if (node.depth === level && (match || !hasMarkers)) {
        const title = match ? match[2]!.trim() : text;
        const number = match?.[1] ? Number.parseInt(match[1], 10) : null;
        current = { heading: node, title, number, sections: sections.filter(isString), nodes: [] };
        segments.push(current);
      } else {
        // A section heading: it closes the current question and names what follows.
        sections.length = node.depth;
        sections[node.depth - 1] = text;
        current = null;
      }
      continue;
    }
    current?.nodes.push(node);
  }
  return { level, segments };
}

function isString(value: string | undefined): value is string {
  return typeof value === 'string' && value.length > 0;
}
