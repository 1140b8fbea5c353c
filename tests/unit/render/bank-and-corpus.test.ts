import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormulaRenderResult } from '../../../src/core/ports.js';
import { resolveSettings } from '../../../src/render/pipeline.js';
import { RenderWorkerPool } from '../../../src/render/pool/pool.js';
import { bankFormulas, corpusFormulas } from './helpers.js';

let pool: RenderWorkerPool;

beforeAll(async () => {
  pool = new RenderWorkerPool({ size: 2, settings: resolveSettings() });
  await pool.ready();
});

afterAll(async () => {
  await pool.close();
});

describe('the default bank', () => {
  const formulas = bankFormulas();

  it('has the 145 formulas the SPEC describes', () => {
    expect(formulas).toHaveLength(145);
    expect(formulas.filter((f) => f.display)).toHaveLength(14);
  });

  it('renders every formula with no MathJax error, as a decodable PNG of the stated size', async () => {
    const results = await Promise.all(
      formulas.map((f) => pool.render(f.tex, { display: f.display })),
    );
    const failures = results.flatMap((r, i) =>
      r.ok ? [] : [`line ${formulas[i]!.line}: ${r.error.code} ${r.error.message}`],
    );
    expect(failures).toEqual([]);
    for (const r of results as Extract<FormulaRenderResult, { ok: true }>[]) {
      const meta = await sharp(r.png).metadata();
      expect(meta.format).toBe('png');
      expect([meta.width, meta.height]).toEqual([r.width, r.height]);
      expect(r.scale).toBe(2);
    }
  });

  it('covers the shapes the bank uses: aligned, a blank line inside align, \\text {…}, \\bold', () => {
    expect(formulas.some((f) => f.tex.includes('\\begin{aligned}'))).toBe(true);
    expect(
      formulas.some((f) => /\\begin\{align\}[\s\S]*\n\s*\n[\s\S]*\\end\{align\}/.test(f.tex)),
    ).toBe(true);
    expect(formulas.some((f) => f.tex.includes('\\text {'))).toBe(true);
    expect(formulas.some((f) => f.tex.includes('\\bold{'))).toBe(true);
  });
});

describe('the KaTeX corpus', () => {
  it('renders at least 95%, and every failure says why', async () => {
    const corpus = corpusFormulas();
    expect(corpus).toHaveLength(364);
    const results = await Promise.all(
      corpus.map((f) => pool.render(f.tex, { display: f.display })),
    );
    const ok = results.filter((r) => r.ok).length;
    expect(ok / corpus.length).toBeGreaterThanOrEqual(0.95);
    for (const r of results) {
      if (r.ok) continue;
      expect(['tex-error', 'forbidden']).toContain(r.error.code);
      expect(r.error.message.length).toBeGreaterThan(10);
    }
  });
});
