import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormulaRenderer } from '../../../src/core/ports.js';
import { createFormulaRenderer } from '../../../src/render/create.js';
import { formulasNeedingImages, prerenderFormulas } from '../../../src/render/prerender.js';
import { bankFormulas } from './helpers.js';

let dir: string;
let renderer: FormulaRenderer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizbot-prerender-'));
  renderer = createFormulaRenderer({ cacheDir: dir, workers: 2 });
});

afterAll(async () => {
  await renderer.close();
  await rm(dir, { recursive: true, force: true });
});

describe('pre-rendering the bank', () => {
  const needed = formulasNeedingImages(bankFormulas());

  it('selects display formulas and the inline ones Unicode cannot write', () => {
    expect(needed.filter((f) => f.display)).toHaveLength(14);
    expect(needed.length).toBeLessThan(40);
    expect(needed.some((f) => f.tex === '\\nabla_w\\mathcal{L}(w_t)')).toBe(true);
  });

  it('renders each distinct formula once, then finds them all in the cache', async () => {
    const cold = await prerenderFormulas(renderer, needed);
    expect(cold.failed).toEqual([]);
    expect(cold.rendered).toBe(cold.total);
    expect(cold.total).toBeLessThan(needed.length); // duplicates collapse
    const warm = await prerenderFormulas(renderer, needed);
    expect(warm.cached).toBe(warm.total);
  });

  it('stops early when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const report = await prerenderFormulas(renderer, [{ tex: 'q^9', display: false }], {
      signal: controller.signal,
    });
    expect(report.rendered).toBe(0);
  });
});
