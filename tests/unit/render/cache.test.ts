import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  FormulaRenderer,
  FormulaRenderOptions,
  FormulaRenderResult,
} from '../../../src/core/ports.js';
import {
  CachedFormulaRenderer,
  formulaCacheKey,
  pngSize,
} from '../../../src/render/cache/cached-renderer.js';
import { DiskFormulaCache } from '../../../src/render/cache/disk-cache.js';
import { resolveSettings } from '../../../src/render/pipeline.js';

/** A fake PNG: the signature and an IHDR with the given size, padded to `bytes`. */
function fakePng(width: number, height: number, bytes = 64): Uint8Array {
  const png = new Uint8Array(bytes);
  png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return png;
}

/** A renderer that really works in memory and counts its calls. */
class CountingRenderer implements FormulaRenderer {
  calls: Array<{ tex: string; opts: FormulaRenderOptions }> = [];
  async render(tex: string, opts: FormulaRenderOptions): Promise<FormulaRenderResult> {
    this.calls.push({ tex, opts });
    await new Promise((r) => setTimeout(r, 5));
    if (tex.startsWith('\\bad')) return { ok: false, error: { code: 'tex-error', message: 'bad' } };
    if (tex.startsWith('\\flaky'))
      return { ok: false, error: { code: 'internal', message: 'flaky' } };
    return {
      ok: true,
      png: fakePng(tex.length * 10, 20),
      width: tex.length * 10,
      height: 20,
      scale: 2,
      cached: false,
    };
  }
  async close(): Promise<void> {}
}

const settings = resolveSettings();
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizbot-cache-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('formulaCacheKey', () => {
  it('depends on the TeX, display mode and look, not on the priority', () => {
    const key = formulaCacheKey('x', true, settings);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(formulaCacheKey('x', true, settings)).toBe(key);
    expect(formulaCacheKey('y', true, settings)).not.toBe(key);
    expect(formulaCacheKey('x', false, settings)).not.toBe(key);
    expect(formulaCacheKey('x', true, resolveSettings({ card: { scale: 3 } }))).not.toBe(key);
  });
});

describe('CachedFormulaRenderer', () => {
  it('misses, then hits from disk, across instances sharing the directory (as processes would)', async () => {
    const inner = new CountingRenderer();
    const first = new CachedFormulaRenderer(
      inner,
      new DiskFormulaCache({ dir, maxBytes: 1e6 }),
      settings,
    );
    const miss = await first.render('a+b', { display: false });
    expect(miss).toMatchObject({ ok: true, cached: false, width: 30, height: 20 });

    const other = new CountingRenderer();
    const second = new CachedFormulaRenderer(
      other,
      new DiskFormulaCache({ dir, maxBytes: 1e6 }),
      settings,
    );
    const hit = await second.render('a+b', { display: false });
    expect(hit).toMatchObject({ ok: true, cached: true, width: 30, height: 20, scale: 2 });
    expect(other.calls).toHaveLength(0);
    expect((await second.render('a+b', { display: true })).ok && other.calls).toHaveLength(1);
  });

  it('renders a burst of the same formula once', async () => {
    const inner = new CountingRenderer();
    const renderer = new CachedFormulaRenderer(
      inner,
      new DiskFormulaCache({ dir, maxBytes: 1e6 }),
      settings,
    );
    const results = await Promise.all(
      Array.from({ length: 5 }, () => renderer.render('x^2', { display: true })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(inner.calls).toHaveLength(1);
  });

  it('remembers formula failures but retries internal ones', async () => {
    const inner = new CountingRenderer();
    const renderer = new CachedFormulaRenderer(
      inner,
      new DiskFormulaCache({ dir, maxBytes: 1e6 }),
      settings,
    );
    await renderer.render('\\bad', { display: false });
    expect(await renderer.render('\\bad', { display: false })).toMatchObject({
      ok: false,
      error: { code: 'tex-error' },
    });
    await renderer.render('\\flaky', { display: false });
    await renderer.render('\\flaky', { display: false });
    expect(inner.calls.map((c) => c.tex)).toEqual(['\\bad', '\\flaky', '\\flaky']);
  });

  it('passes the background hint through to the renderer behind it', async () => {
    const inner = new CountingRenderer();
    const renderer = new CachedFormulaRenderer(
      inner,
      new DiskFormulaCache({ dir, maxBytes: 1e6 }),
      settings,
    );
    await renderer.render('z', { display: false, background: true });
    expect(inner.calls[0]!.opts.background).toBe(true);
  });

  it('still answers when the cache directory cannot be written', async () => {
    const blocker = join(dir, 'file');
    await writeFile(blocker, 'not a directory');
    const renderer = new CachedFormulaRenderer(
      new CountingRenderer(),
      new DiskFormulaCache({ dir: blocker, maxBytes: 1e6 }),
      settings,
    );
    expect((await renderer.render('q', { display: false })).ok).toBe(true);
  });
});

describe('DiskFormulaCache', () => {
  const key = (n: number) => n.toString(16).padStart(64, '0');

  it('stores whole files via rename and reads them back', async () => {
    const cache = new DiskFormulaCache({ dir, maxBytes: 1e6 });
    expect(await cache.get(key(1))).toBeNull();
    await cache.set(key(1), fakePng(5, 6));
    expect(pngSize((await cache.get(key(1)))!)).toEqual({ width: 5, height: 6 });
    const files = await readdir(join(dir, key(1).slice(0, 2)));
    expect(files).toEqual([`${key(1)}.png`]);
  });

  it('evicts the least recently used files beyond its budget', async () => {
    // Filled by one instance (a big budget, so no sweep of its own), trimmed by another.
    const writer = new DiskFormulaCache({ dir, maxBytes: 1e6 });
    const cache = new DiskFormulaCache({ dir, maxBytes: 1000 });
    for (let n = 1; n <= 5; n++) {
      await writer.set(key(n), fakePng(1, 1, 300));
      const t = new Date(Date.now() - (10 - n) * 60_000);
      await utimes(join(dir, key(n).slice(0, 2), `${key(n)}.png`), t, t);
    }
    await cache.get(key(1)); // a hit makes the oldest the most recently used
    await new Promise((r) => setTimeout(r, 20));
    const report = await cache.sweep();
    expect(report.bytes).toBeLessThanOrEqual(900);
    expect(await cache.get(key(1))).not.toBeNull();
    expect(await cache.get(key(2))).toBeNull();
    expect(await cache.get(key(5))).not.toBeNull();
  });

  it('removes temp files left by a writer that died, but not fresh ones', async () => {
    const cache = new DiskFormulaCache({ dir, maxBytes: 1e6 });
    await cache.set(key(7), fakePng(1, 1));
    const shard = join(dir, key(7).slice(0, 2));
    const stale = join(shard, `${key(8)}.png.123.abcd.tmp`);
    const fresh = join(shard, `${key(9)}.png.456.ef01.tmp`);
    await writeFile(stale, 'partial');
    await writeFile(fresh, 'partial');
    const old = new Date(Date.now() - 3_600_000);
    await utimes(stale, old, old);
    await cache.sweep();
    await expect(stat(stale)).rejects.toThrow();
    expect((await stat(fresh)).isFile()).toBe(true);
  });

  it('refuses keys that could escape its directory', async () => {
    const cache = new DiskFormulaCache({ dir, maxBytes: 1e6 });
    await expect(cache.set('../../etc/passwd', fakePng(1, 1))).rejects.toThrow(/invalid cache key/);
  });
});
