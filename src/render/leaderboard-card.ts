/**
 * The leaderboard card: an SVG drawn from a LeaderboardView, rasterised with sharp. Like the
 * formula card it is an opaque light card with a hairline border and a coloured header, because
 * chat shows images on the reader's theme background (dark or light) and we cannot know which.
 * Words on the card come from the caller (the adapter words them in the reader's language).
 */
import sharp from 'sharp';
import type { BoardEntry } from '../core/quiz/types.js';
import type { LeaderboardView } from '../core/quiz/views.js';

export interface LeaderboardCardLabels {
  /** `Weekly leaderboard` / `本周排行榜`. */
  title: string;
  /** `2025-W10 · 12 players`. */
  subtitle: string;
  /** A pill in the header, e.g. `FINAL` on a closed period's board. */
  badge?: string;
  /** `12 pts` / `12 分`. */
  points(n: number): string;
  /** The pill on the caller's own row. */
  you: string;
  /** Shown instead of rows when nobody has points yet. */
  empty: string;
}

export interface LeaderboardCardOptions {
  labels: LeaderboardCardLabels;
  /** The caller's player key, to highlight their row when they are in the top ten. */
  callerPlayer?: string;
  /** Device pixels per CSS pixel; 2 keeps text sharp on phones and high-DPI screens. */
  scale?: number;
}

export interface LeaderboardCard {
  png: Uint8Array;
  svg: string;
  /** PNG size in device pixels. */
  width: number;
  height: number;
}

// Layout in CSS pixels. 560 wide reads at a glance in a chat column without being scaled down.
const W = 560;
const PAD = 20;
const HEADER_H = 76;
const ROW_H = 42;
const FOOT_H = 18;
const NAME_X = PAD + 46;
const POINTS_RIGHT = W - PAD - 4;
const NAME_MAX_EM = 19;
const FONT = `'Noto Sans CJK SC','Noto Sans','WenQuanYi Micro Hei','DejaVu Sans',sans-serif`;
const INK = '#1f2328';
const MUTED = '#57606a';
const ACCENT = '#4f46e5';
// Gold, silver, bronze: light fills with dark numerals keep contrast on the white card.
const MEDALS = ['#f6c343', '#c9d1da', '#e0a26b'];

/** Renders the card to PNG. Never reads the network or files other than fonts. */
export async function renderLeaderboardCard(
  view: LeaderboardView,
  options: LeaderboardCardOptions,
): Promise<LeaderboardCard> {
  const scale = options.scale ?? 2;
  const { svg, cssHeight } = leaderboardCardSvg(view, options, scale);
  const png = await sharp(Buffer.from(svg), { density: 72 })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return { png: new Uint8Array(png), svg, width: W * scale, height: cssHeight * scale };
}

type Row = { entry: BoardEntry; you: boolean } | { gap: true };

/** The card's SVG (exported for tests and previews); sizes in device pixels via `scale`. */
export function leaderboardCardSvg(
  view: LeaderboardView,
  options: LeaderboardCardOptions,
  scale = 2,
): { svg: string; cssHeight: number } {
  const { labels } = options;
  const rows: Row[] = view.entries.map((entry) => ({
    entry,
    you: entry.player === options.callerPlayer,
  }));
  if (view.caller) rows.push({ gap: true }, { entry: view.caller, you: true });
  const bodyH = rows.length ? rows.length * ROW_H : ROW_H * 1.5;
  const cssHeight = HEADER_H + 12 + bodyH + 10 + FOOT_H + 8;
  const max = Math.max(1, ...view.entries.map((e) => e.points), view.caller?.points ?? 0);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W * scale}" height="${cssHeight * scale}" viewBox="0 0 ${W} ${cssHeight}" font-family="${FONT}">`,
    `<defs><linearGradient id="h" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#4f46e5"/><stop offset="1" stop-color="#7c3aed"/></linearGradient>`,
    `<clipPath id="c"><rect x="0.5" y="0.5" width="${W - 1}" height="${cssHeight - 1}" rx="12"/></clipPath></defs>`,
    `<rect x="0.5" y="0.5" width="${W - 1}" height="${cssHeight - 1}" rx="12" fill="#ffffff" stroke="#d0d7de"/>`,
    `<g clip-path="url(#c)"><rect x="0" y="0" width="${W}" height="${HEADER_H}" fill="url(#h)"/></g>`,
    text(PAD, 34, labels.title, { size: 22, weight: 700, fill: '#ffffff' }, 24),
    text(PAD, 58, labels.subtitle, { size: 13, fill: '#e0e7ff' }, 40),
  ];
  if (labels.badge) parts.push(badge(labels.badge));
  let y = HEADER_H + 12;
  if (rows.length === 0) {
    parts.push(
      text(W / 2, y + ROW_H * 0.85, labels.empty, { size: 15, fill: MUTED, anchor: 'middle' }, 40),
    );
  }
  rows.forEach((row, i) => {
    parts.push('gap' in row ? gapRow(y) : entryRow(row.entry, row.you, y, i, max, labels));
    y += ROW_H;
  });
  parts.push(
    `<text x="${W - PAD}" y="${cssHeight - 12}" font-size="11" fill="#8c959f" text-anchor="end">quizbot</text>`,
    '</svg>',
  );
  return { svg: parts.join(''), cssHeight };
}

function entryRow(
  entry: BoardEntry,
  you: boolean,
  y: number,
  index: number,
  max: number,
  labels: LeaderboardCardLabels,
): string {
  const out: string[] = [];
  if (you) {
    out.push(
      `<rect x="${PAD - 8}" y="${y + 2}" width="${W - 2 * PAD + 16}" height="${ROW_H - 4}" rx="8" fill="#eef2ff"/>`,
      `<rect x="${PAD - 8}" y="${y + 2}" width="4" height="${ROW_H - 4}" rx="2" fill="${ACCENT}"/>`,
    );
  } else if (index % 2 === 1) {
    out.push(
      `<rect x="${PAD - 8}" y="${y + 2}" width="${W - 2 * PAD + 16}" height="${ROW_H - 4}" rx="8" fill="#f6f8fa"/>`,
    );
  }
  const cx = PAD + 16;
  const cy = y + ROW_H / 2;
  const medal = MEDALS[entry.rank - 1];
  out.push(
    medal
      ? `<circle cx="${cx}" cy="${cy}" r="14" fill="${medal}"/>`
      : `<circle cx="${cx}" cy="${cy}" r="14" fill="none" stroke="#d0d7de"/>`,
    text(cx, cy + 5, String(entry.rank), {
      size: entry.rank >= 100 ? 10 : 13,
      weight: 700,
      fill: medal ? INK : MUTED,
      anchor: 'middle',
    }),
  );
  const pointsText = labels.points(entry.points);
  const youPill = you ? pill(labels.you) : null;
  const nameMaxEm = NAME_MAX_EM - (youPill ? youPill.em + 0.5 : 0);
  const name = fit(entry.name || entry.player, nameMaxEm);
  out.push(text(NAME_X, cy + 1, name, { size: 16, weight: you ? 700 : 500, fill: INK }));
  if (youPill) out.push(youPill.svg(NAME_X + estimateEm(name) * 16 + 8, cy - 14));
  // A thin bar under the name shows the gap to the leader at a glance.
  const barW = W - NAME_X - PAD - 110;
  const filled = Math.max(3, Math.round((barW * Math.max(0, entry.points)) / max));
  out.push(
    `<rect x="${NAME_X}" y="${cy + 8}" width="${barW}" height="4" rx="2" fill="#eaeef2"/>`,
    `<rect x="${NAME_X}" y="${cy + 8}" width="${filled}" height="4" rx="2" fill="${you ? ACCENT : '#8b93f8'}"/>`,
    text(POINTS_RIGHT, cy + 6, pointsText, {
      size: 16,
      weight: 700,
      fill: INK,
      anchor: 'end',
    }),
  );
  return out.join('');
}

function gapRow(y: number): string {
  return text(PAD + 16, y + ROW_H / 2 + 4, '⋯', { size: 18, fill: MUTED, anchor: 'middle' });
}

function badge(label: string): string {
  const shown = fit(label, 10);
  const w = Math.ceil(estimateEm(shown) * 12 + 20);
  const x = W - PAD - w;
  return (
    `<rect x="${x}" y="22" width="${w}" height="24" rx="12" fill="#ffffff" fill-opacity="0.22"/>` +
    text(x + w / 2, 38.5, shown, { size: 12, weight: 700, fill: '#ffffff', anchor: 'middle' })
  );
}

function pill(label: string): { em: number; svg: (x: number, y: number) => string } {
  const shown = fit(label, 6);
  const em = estimateEm(shown) * (11 / 16) + 1;
  const w = Math.ceil(estimateEm(shown) * 11 + 14);
  return {
    em,
    svg: (x, y) =>
      `<rect x="${x}" y="${y}" width="${w}" height="18" rx="9" fill="${ACCENT}"/>` +
      text(x + w / 2, y + 13, shown, { size: 11, weight: 700, fill: '#ffffff', anchor: 'middle' }),
  };
}

interface TextStyle {
  size: number;
  fill: string;
  weight?: number;
  anchor?: 'start' | 'middle' | 'end';
}

/** A `<text>` element; `maxEm` truncates first (in ems of this size). */
function text(x: number, y: number, value: string, style: TextStyle, maxEm?: number): string {
  const shown = maxEm === undefined ? value : fit(value, maxEm);
  const weight = style.weight ? ` font-weight="${style.weight}"` : '';
  const anchor = style.anchor && style.anchor !== 'start' ? ` text-anchor="${style.anchor}"` : '';
  return `<text x="${round(x)}" y="${round(y)}" font-size="${style.size}"${weight} fill="${style.fill}"${anchor}>${escapeXml(shown)}</text>`;
}

const round = (n: number): string => String(Math.round(n * 10) / 10);

/** Escapes text for SVG and drops what XML cannot hold (controls, lone surrogates, bidi overrides). */
export function escapeXml(value: string): string {
  return (
    value
      .replace(/[\r\n\t]+/g, ' ')
      // Control characters are not allowed in XML at all; bidi overrides would scramble the row.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts text to about `maxEm` ems, whole graphemes only, with an ellipsis when it was cut. */
export function fit(value: string, maxEm: number): string {
  const clean = value.replace(/\s+/g, ' ').trim();
  if (estimateEm(clean) <= maxEm) return clean;
  let out = '';
  let em = 0;
  for (const { segment } of segmenter.segment(clean)) {
    const w = estimateEm(segment);
    if (em + w > maxEm - 1) break;
    out += segment;
    em += w;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Width of text in ems, estimated: no font metrics are available before rasterising, and a
 * slightly generous guess only truncates a little early. CJK and emoji are a full em.
 */
export function estimateEm(value: string): number {
  let em = 0;
  // Per grapheme: an emoji family joined by ZWJ is one picture, not four.
  for (const { segment } of segmenter.segment(value)) {
    const c = segment.codePointAt(0)!;
    if (isWide(c) || c >= 0x1f000) em += 1;
    else if (/^[A-Z@%&MWmw]/.test(segment)) em += 0.72;
    else if (/^[iljtf.,:;'!| ]/.test(segment)) em += 0.32;
    else em += 0.58;
  }
  return em;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  );
}
