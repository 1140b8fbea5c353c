/**
 * Builds the production FormulaRenderer: a worker pool behind a disk cache. The composition root
 * (src/main.ts) calls this once and passes the result to whatever needs formulas.
 */
import { availableParallelism } from 'node:os';
import type { FormulaRenderer } from '../core/ports.js';
import { CachedFormulaRenderer } from './cache/cached-renderer.js';
import { DiskFormulaCache } from './cache/disk-cache.js';
import type { CardStyle } from './card.js';
import type { RenderLimits } from './limits.js';
import { resolveSettings } from './pipeline.js';
import type { PngOptions } from './rasterize.js';
import { RenderWorkerPool } from './pool/pool.js';

export interface FormulaRendererConfig {
  /** Where rendered PNGs are kept; default `var/cache/formulas`. */
  cacheDir?: string;
  /** Cache budget in bytes; default 64 MiB (the whole bank is ~1 MB). */
  cacheMaxBytes?: number;
  /** Worker threads; default one per core, at most 4. */
  workers?: number;
  limits?: Partial<RenderLimits>;
  card?: Partial<CardStyle>;
  png?: Partial<PngOptions>;
}

export const DEFAULT_CACHE_DIR = 'var/cache/formulas';
export const DEFAULT_CACHE_MAX_BYTES = 64 * 1024 * 1024;

export function createFormulaRenderer(config: FormulaRendererConfig = {}): FormulaRenderer {
  const settings = resolveSettings({ limits: config.limits, card: config.card, png: config.png });
  const pool = new RenderWorkerPool({
    size: config.workers ?? Math.min(4, availableParallelism()),
    settings,
  });
  const cache = new DiskFormulaCache({
    dir: config.cacheDir ?? DEFAULT_CACHE_DIR,
    maxBytes: config.cacheMaxBytes ?? DEFAULT_CACHE_MAX_BYTES,
  });
  // Trims a cache left over budget by earlier runs and clears their abandoned temp files.
  void cache.sweep().catch(() => undefined);
  return new CachedFormulaRenderer(pool, cache, settings);
}
