import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { BankIssue, ImageRef, Question } from '../core/bank/model.js';
import { blocksText } from '../core/bank/text.js';
import { incompleteReasons } from './complete.js';
import { numberedId, titleId } from './ids.js';
import type { ImageResolver } from './inline.js';
import { normaliseSource, parseMarkdown } from './markdown.js';
import { defaultMarkers, type Markers } from './markers.js';
import { parseBody } from './question.js';
import { segment } from './segment.js';

export interface ParseOptions {
  markers?: Markers;
  /** Heading level of questions; detected when absent. */
  level?: number;
  /** Folder that relative image paths resolve against; the file's folder by default. */
  assetRoot?: string;
}

export interface ParsedFile {
  questions: Question[];
  issues: BankIssue[];
  level: number | null;
}

/** Parses one Markdown bank file into questions (ids local to the file) and the problems found. */
export function parseBankFile(
  file: string,
  source: string,
  options: ParseOptions = {},
): ParsedFile {
  const markers = options.markers ?? defaultMarkers;
  const text = normaliseSource(source);
  const tree = parseMarkdown(text);
  const issues: BankIssue[] = [...syntaxIssues(file, text, tree)];
  const resolve = imageResolver(options.assetRoot ?? path.dirname(file));
  const { level, segments } = segment(tree, {
    markers,
    ...(options.level ? { level: options.level } : {}),
  });
  if (segments.length === 0) {
    issues.push({
      severity: 'error',
      file,
      line: 1,
      code: 'no-questions',
      message: 'no questions found: expected headings such as "#### Q1: title" or "### Q: title"',
    });
  }
  const questions = segments.map((seg): Question => {
    const line = seg.heading.position?.start.line ?? 1;
    const body = parseBody(seg, markers, { source: text, resolve });
    if (!seg.title) {
      issues.push({
        severity: 'error',
        file,
        line,
        code: 'empty-title',
        message: 'question heading has no title',
      });
    }
    const id = body.pinnedId ?? (seg.number !== null ? numberedId(seg.number) : titleId(seg.title));
    const section = seg.sections[seg.sections.length - 1];
    const incomplete = incompleteReasons(body.lead, body.answer);
    return {
      id,
      number: seg.number,
      title: seg.title,
      tags: body.tag ? [body.tag] : section ? [section] : [],
      level: body.level,
      keyPoints: body.keyPoints,
      lead: body.lead,
      answer: body.answer,
      refs: [],
      sections: seg.sections,
      complete: incomplete.length === 0,
      incomplete,
      text: blocksText([...body.lead, ...body.answer]),
      source: { file, line },
      bank: file,
    };
  });
  return { questions, issues, level };
}

function imageResolver(root: string): ImageResolver {
  return (url, alt): ImageRef => {
    if (/^(https?:)?\/\//i.test(url) || url.startsWith('data:'))
      return { alt, url, status: 'remote' };
    let decoded = url;
    try {
      decoded = decodeURI(url);
    } catch {
      // keep the raw path; a malformed escape simply won't be found
    }
    const file = path.resolve(root, decoded);
    return existsSync(file)
      ? { alt, url, status: 'local', path: file }
      : { alt, url, status: 'missing' };
  };
}

/** Unclosed `$$` blocks and code fences swallow the rest of a file: report where they open. */
function syntaxIssues(file: string, text: string, tree: Root): BankIssue[] {
  const issues: BankIssue[] = [];
  visit(tree, (node) => {
    const start = node.position?.start;
    const end = node.position?.end;
    if (!start || !end || start.offset === undefined || end.offset === undefined) return;
    const raw = text.slice(start.offset, end.offset).trimEnd();
    if (node.type === 'math' && !/\$\$$/.test(raw)) {
      issues.push({
        severity: 'error',
        file,
        line: start.line,
        code: 'unclosed-math',
        message: 'display math "$$" opened here is never closed',
      });
    }
    if (node.type === 'code') {
      const fence = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
      const lines = raw.split('\n');
      if (fence && (lines.length < 2 || !lines[lines.length - 1]!.trim().startsWith(fence))) {
        issues.push({
          severity: 'error',
          file,
          line: start.line,
          code: 'unclosed-code',
          message: `code fence "${fence}" opened here is never closed`,
        });
      }
    }
  });
  return issues;
}
