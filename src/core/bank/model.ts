/**
 * The platform-free model of a question bank. `src/bank/` builds it from Markdown; everything else
 * (search, views, items, rotation) reads it. Plain data only: it is cached, serialised and compared.
 */

/** Where something came from, for lint messages (`file:line`). Lines are 1-based. */
export interface SourcePos {
  file: string;
  line: number;
}

/** Inline content inside a paragraph, list item or heading. */
export type Inline =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'underline'; children: Inline[] }
  | { type: 'code'; value: string }
  | { type: 'math'; tex: string }
  | { type: 'link'; url: string; children: Inline[] }
  | { type: 'image'; image: ImageRef }
  | { type: 'break' };

/** A figure referenced by the bank: local files are resolved at load; remote ones are never fetched. */
export interface ImageRef {
  alt: string;
  url: string;
  /** `local` found on disk, `missing` a local path that does not exist, `remote` an http(s) URL. */
  status: 'local' | 'missing' | 'remote';
  /** Absolute path when `status` is `local`. */
  path?: string;
}

/** Block content of an answer (or a lead paragraph). */
export type Block =
  | { type: 'paragraph'; children: Inline[]; line: number }
  | { type: 'heading'; depth: number; children: Inline[]; line: number }
  | { type: 'math'; tex: string; line: number }
  | { type: 'code'; lang: string | null; value: string; line: number }
  | { type: 'list'; ordered: boolean; start: number | null; items: Block[][]; line: number }
  | { type: 'quote'; children: Block[]; line: number }
  | { type: 'image'; image: ImageRef; line: number }
  | { type: 'table'; rows: Inline[][][]; line: number }
  | { type: 'rule'; line: number }
  | { type: 'html'; value: string; line: number };

/** Why a question is not complete enough for rotation and competitions. */
export type IncompleteReason = 'empty-body' | 'link-only' | 'empty-subsections' | 'no-answer';

export interface Question {
  /** Stable id: `Q3` for numbered questions, `Q-xxxx` (hash of the title) otherwise. */
  id: string;
  /** Number when the heading carries one (`Q3`), else null. */
  number: number | null;
  title: string;
  /** Tag from the badge (`DL`, `ML`, `CI`) or, in other banks, the nearest section. */
  tags: string[];
  level: number | null;
  keyPoints: string | null;
  /** Blocks between the heading and the answer marker, when the question has one. */
  lead: Block[];
  answer: Block[];
  /** Ids of other questions this one points to (`> Q32: …`). */
  refs: string[];
  /** Sections (higher headings) the question sits under, outermost first. */
  sections: string[];
  complete: boolean;
  incomplete: IncompleteReason[];
  /** Plain-text rendering of lead + answer, for search and excerpts. */
  text: string;
  source: SourcePos;
  /** The bank (file) this question came from. */
  bank: string;
}

/** A problem found while loading a bank. Warnings do not fail lint. */
export interface BankIssue {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  code: string;
  message: string;
}

export interface Bank {
  questions: Question[];
  issues: BankIssue[];
  /** Files that were read, in order. */
  files: string[];
}
