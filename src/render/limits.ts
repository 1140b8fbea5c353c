import type { FormulaError } from '../core/ports.js';

/**
 * Safety limits for TeX that bank authors get wrong or users abuse. For scale: the bank's largest
 * formula has 363 characters and source nesting 4, the KaTeX corpus's 773 and 12.
 */
export interface RenderLimits {
  /** Characters of TeX accepted at all. */
  maxTexLength: number;
  /** Brace / `\left` / `\begin` nesting in the source, checked before MathJax recurses on it. */
  maxSourceDepth: number;
  /** Nesting of the typeset tree, which macros can deepen beyond what the source shows. */
  maxOutputDepth: number;
  /** SVG elements in the typeset result: bounds rasteriser time and memory. */
  maxOutputNodes: number;
  /** MathJax `maxMacros`: macro and environment substitutions per formula. */
  maxMacros: number;
  /** MathJax `maxBuffer`: characters the input may grow to while macros expand. */
  maxBuffer: number;
  /** Largest PNG side and area, in device pixels, checked before anything is allocated. */
  maxSidePx: number;
  maxAreaPx: number;
  /** Wall time for one formula in a worker before the worker is killed and replaced. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: RenderLimits = {
  // Typesetting time grows with length: 4,000 characters of `x+x+…` take ~0.5 s of MathJax.
  maxTexLength: 2000,
  maxSourceDepth: 40,
  maxOutputDepth: 200,
  maxOutputNodes: 20_000,
  maxMacros: 1000,
  maxBuffer: 16_384,
  maxSidePx: 4096,
  maxAreaPx: 8_000_000,
  timeoutMs: 3000,
};

/** Commands that would fetch files or URLs, refused before MathJax sees them. */
const FORBIDDEN = /\\(require|includegraphics|input|include|loadpackage)(?![a-zA-Z])/;

/** Cheap checks on the source text; null when MathJax may try it. */
export function precheckTex(tex: string, limits: RenderLimits): FormulaError | null {
  if (tex.length > limits.maxTexLength) {
    return {
      code: 'too-long',
      message: `formula is ${tex.length} characters; the limit is ${limits.maxTexLength}`,
    };
  }
  const forbidden = FORBIDDEN.exec(tex);
  if (forbidden) {
    return {
      code: 'forbidden',
      message: `\\${forbidden[1]} is disabled: formulas may not load files or URLs`,
    };
  }
  const depth = sourceDepth(tex);
  if (depth > limits.maxSourceDepth) {
    return {
      code: 'too-deep',
      message: `formula nests ${depth} levels deep; the limit is ${limits.maxSourceDepth}`,
    };
  }
  return null;
}

/** Deepest nesting of `{…}`, `\left…\right` and `\begin…\end`; escaped braces do not count. */
export function sourceDepth(tex: string): number {
  let depth = 0;
  let max = 0;
  const token = /\\(?:left|right|begin|end)(?![a-zA-Z])|\\.|[{}]/gs;
  for (const m of tex.matchAll(token)) {
    const t = m[0];
    if (t === '{' || t === '\\left' || t === '\\begin') depth++;
    else if (t === '}' || t === '\\right' || t === '\\end') depth = Math.max(0, depth - 1);
    max = Math.max(max, depth);
  }
  return max;
}
