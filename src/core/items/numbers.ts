import { normalize } from '../search/tokenize.js';

/**
 * Numbers as people type them in chat: `32`, `-0.5`, `1e-3`, `1,024`, `1/9`, `12.5%`, full-width
 * `３２`, optionally followed by the item's unit (`32 px`). Hand-rolled because `Number()` accepts
 * too much (`0x1f`, `Infinity`, an empty string as 0) and too little (fractions, `1,024`).
 */

const DECIMAL = String.raw`[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?|[+-]?\.\d+(?:e[+-]?\d+)?`;
const NUMBER = new RegExp(`^(${DECIMAL})(?:\\s*/\\s*(${DECIMAL}))?\\s*(%)?\\s*(.*)$`);

export type ParsedNumber =
  { ok: true; value: number } | { ok: false; reason: 'unparseable' | 'wrong-unit'; unit?: string };

/** Reads a typed number; a trailing unit must be the expected one (case- and space-insensitive). */
export function parseNumber(input: string, unit: string | null = null): ParsedNumber {
  const text = normalize(input).trim().replace(/[−–]/g, '-');
  const match = NUMBER.exec(text);
  if (!match) return { ok: false, reason: 'unparseable' };
  const [, top, bottom, percent, rest] = match;
  let value = toNumber(top!);
  if (bottom !== undefined) value /= toNumber(bottom);
  const suffix = (rest ?? '').replace(/\s+/g, '');
  if (/[\d,.]/.test(suffix)) return { ok: false, reason: 'unparseable' };
  const wanted = unit === null ? '' : normalize(unit).replace(/\s+/g, '');
  if (percent && wanted !== '%') value /= 100;
  if (suffix !== '' && suffix !== wanted) return { ok: false, reason: 'wrong-unit', unit: suffix };
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'unparseable' };
}

function toNumber(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** A number for display: integers as they are, others to at most 6 significant digits. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}
