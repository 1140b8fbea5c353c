/**
 * Wraps MathJax's SVG in a "card": dark ink on a light rounded rectangle with a hairline border.
 * One look that reads on Discord dark (#313338), Discord light and Slack white, because chat
 * shows images on whatever background the reader's theme has and we cannot know it.
 */
import type { FormulaError } from '../core/ports.js';
import type { RenderLimits } from './limits.js';
import type { TexSvg } from './mathjax/engine.js';

export interface CardStyle {
  /** CSS pixels per em. Discord and Slack body text is ~15-16 px; formulas need a little more. */
  emPx: number;
  /** Device pixels per CSS pixel: 2 keeps glyphs sharp on phones and high-DPI screens. */
  scale: number;
  /** Padding around the formula in em, horizontal and vertical. */
  padXEm: number;
  padYEm: number;
  /** Corner radius in CSS pixels. */
  radiusPx: number;
  ink: string;
  background: string;
  border: string;
}

export const DEFAULT_CARD_STYLE: CardStyle = {
  emPx: 20,
  scale: 2,
  padXEm: 0.6,
  padYEm: 0.45,
  radiusPx: 8,
  ink: '#1f2328',
  background: '#ffffff',
  border: '#d0d7de',
};

export interface Card {
  svg: string;
  /** PNG size in device pixels. */
  width: number;
  height: number;
}

/** Lays the card out in CSS pixels and refuses, before any allocation, sizes beyond the limits. */
export function buildCard(
  math: TexSvg,
  style: CardStyle,
  limits: RenderLimits,
): { ok: true; card: Card } | { ok: false; error: FormulaError } {
  const mathW = math.widthEm * style.emPx;
  const mathH = math.heightEm * style.emPx;
  const padX = style.padXEm * style.emPx;
  const padY = style.padYEm * style.emPx;
  const cssW = Math.ceil(mathW + 2 * padX);
  const cssH = Math.ceil(mathH + 2 * padY);
  const width = Math.ceil(cssW * style.scale);
  const height = Math.ceil(cssH * style.scale);
  if (!(width > 0 && height > 0)) {
    return { ok: false, error: { code: 'tex-error', message: 'formula typesets to an empty box' } };
  }
  if (width > limits.maxSidePx || height > limits.maxSidePx || width * height > limits.maxAreaPx) {
    return {
      ok: false,
      error: {
        code: 'too-large',
        message: `image would be ${width}×${height} px; the limit is ${limits.maxSidePx} px a side and ${limits.maxAreaPx} px in all`,
      },
    };
  }
  // Centre the formula: the width was rounded up, so split the slack evenly.
  const x = (cssW - mathW) / 2;
  const y = (cssH - mathH) / 2;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${cssW} ${cssH}">` +
    `<rect x="0.5" y="0.5" width="${cssW - 1}" height="${cssH - 1}" rx="${style.radiusPx}" ` +
    `fill="${style.background}" stroke="${style.border}" stroke-width="1"/>` +
    `<svg x="${fmt(x)}" y="${fmt(y)}" width="${fmt(mathW)}" height="${fmt(mathH)}" ` +
    `viewBox="${math.viewBox}" color="${style.ink}" overflow="visible">${math.body}</svg></svg>`;
  return { ok: true, card: { svg, width, height } };
}

function fmt(n: number): string {
  return n.toFixed(3).replace(/\.?0+$/, '');
}
