/**
 * The textual markers a bank uses. The defaults understand the user's bank (`#### Q3: …`,
 * `**关键点: **`, `**Answer: **`) and common English banks (`### Q: …`, `Key points:`).
 */
export interface Markers {
  /** Matches a question heading; group 1 is the optional number, group 2 the title. */
  question: RegExp;
  keyPoints: RegExp;
  answer: RegExp;
}

export const defaultMarkers: Markers = {
  question: /^\s*Q\s*(\d+)?\s*[:：.．]\s*(.*)$/is,
  // `**关键点: **` is not valid strong emphasis in CommonMark (a space before the closing `**`),
  // so the asterisks arrive as text: allow them around the label.
  keyPoints: /^\s*[*_]*\s*(?:关键点|要点|key\s*points?)\s*[*_]*\s*[:：]\s*[*_]*\s*/i,
  answer: /^\s*[*_]*\s*(?:answer|答案|解答|回答)\s*[*_]*\s*[:：]\s*[*_]*\s*/i,
};

/** A shields.io badge (`badge/DL-1-brightgreen`) carries the tag and level. */
const BADGE = /img\.shields\.io\/badge\/([^/?#]+?)-([^-/?#]+)-[^/?#]+/i;

export function parseBadge(url: string): { tag: string; level: number | null } | null {
  const m = BADGE.exec(url);
  if (!m) return null;
  const tag = decodeURIComponent(m[1]!).replace(/--/g, '-').replace(/__/g, '_').trim();
  const level = Number.parseInt(m[2]!, 10);
  return { tag, level: Number.isFinite(level) ? level : null };
}
