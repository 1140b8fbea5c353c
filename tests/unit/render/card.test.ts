import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCard, DEFAULT_CARD_STYLE } from '../../../src/render/card.js';
import { DEFAULT_LIMITS } from '../../../src/render/limits.js';
import type { TexSvg } from '../../../src/render/mathjax/engine.js';
import { createPipeline, resolveSettings } from '../../../src/render/pipeline.js';
import { RenderWorkerPool } from '../../../src/render/pool/pool.js';

const math = (widthEm: number, heightEm: number): TexSvg => ({
  body: '<g/>',
  viewBox: `0 -${heightEm * 800} ${widthEm * 1000} ${heightEm * 1000}`,
  widthEm,
  heightEm,
  depthEm: heightEm * 0.2,
});

describe('buildCard: ex/em to pixels, deliberately', () => {
  it('sizes the PNG from em × px-per-em × scale, plus padding', () => {
    const laid = buildCard(math(5, 1.2), DEFAULT_CARD_STYLE, DEFAULT_LIMITS);
    expect(laid.ok).toBe(true);
    if (!laid.ok) return;
    // 5 em × 20 px + 2 × 0.6 em padding = 124 CSS px, drawn at 2× = 248 device px.
    expect(laid.card.width).toBe(248);
    // 1.2 em × 20 px + 2 × 0.45 em padding = 42 CSS px → 84.
    expect(laid.card.height).toBe(84);
    expect(laid.card.svg).toContain('width="248" height="84" viewBox="0 0 124 42"');
  });

  it('refuses a size past the limits before anything is drawn', () => {
    expect(buildCard(math(2000, 1), DEFAULT_CARD_STYLE, DEFAULT_LIMITS)).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    expect(buildCard(math(90, 90), DEFAULT_CARD_STYLE, DEFAULT_LIMITS)).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
  });
});

describe('the rendered card', () => {
  let pool: RenderWorkerPool;
  beforeAll(() => {
    pool = new RenderWorkerPool({ size: 1, settings: resolveSettings() });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('is a light card with transparent rounded corners and dark ink', async () => {
    const r = await pool.render('x', { display: false });
    if (!r.ok) throw new Error(r.error.message);
    const { data, info } = await sharp(r.png)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * 4, (y * info.width + x) * 4 + 4),
    ];
    expect(px(0, 0)[3]).toBe(0); // corner outside the radius
    expect(px(Math.floor(info.width / 2), 6)).toEqual([255, 255, 255, 255]); // card background
    const darkest = Math.min(
      ...Array.from({ length: info.width * info.height }, (_, i) => data[i * 4]!),
    );
    expect(darkest).toBeLessThan(60); // ink
  });

  it('draws CJK text with a real font (distinct glyphs, not identical missing-glyph boxes)', async () => {
    const [a, b] = await Promise.all([
      pool.render('\\text{中}', { display: false }),
      pool.render('\\text{文}', { display: false }),
    ]);
    if (!a.ok || !b.ok) throw new Error('CJK text failed to render');
    const pixels = async (png: Uint8Array) =>
      (await sharp(png).raw().toBuffer()).toString('base64');
    expect(await pixels(a.png)).not.toBe(await pixels(b.png));
  });

  it('gives the same pixels in a worker and in-process', async () => {
    const tex = '\\frac{a}{b}';
    const [fromPool, local] = await Promise.all([
      pool.render(tex, { display: true }),
      createPipeline(resolveSettings()).render(tex, true),
    ]);
    expect(fromPool.ok && local.ok).toBe(true);
    if (fromPool.ok && local.ok)
      expect(Buffer.from(fromPool.png).equals(Buffer.from(local.png))).toBe(true);
  });
});
