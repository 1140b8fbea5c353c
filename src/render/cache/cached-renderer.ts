/**
 * FormulaRenderer with a cache in front: disk for images (shared across processes and restarts),
 * memory for failures (so a hostile formula that times out costs one worker once, not per ask),
 * and one in-flight render per key (so a burst of the same lookup renders once).
 */
import { createHash } from 'node:crypto';
import type {
  FormulaRenderer,
  FormulaRenderOptions,
  FormulaRenderResult,
} from '../../core/ports.js';
import { RENDERER_VERSION, type RenderSettings } from '../pipeline.js';
import type { DiskFormulaCache } from './disk-cache.js';

/** Failures remembered per process; beyond this the oldest are forgotten. */
const MAX_REMEMBERED_FAILURES = 1000;
/** A timeout may be the machine's fault rather than the formula's: retry it after a while. */
const TIMEOUT_MEMORY_MS = 10 * 60_000;

/** sha256 of what decides the pixels: the TeX, display or inline, the look, the renderer version. */
export function formulaCacheKey(tex: string, display: boolean, settings: RenderSettings): string {
  const what = JSON.stringify([RENDERER_VERSION, settings.card, settings.png, display, tex]);
  return createHash('sha256').update(what).digest('hex');
}

/** Width and height from a PNG's IHDR chunk (bytes 16-23, big-endian), or null if not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  if (png.byteLength < 24 || png[0] !== 0x89 || png[1] !== 0x50) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export class CachedFormulaRenderer implements FormulaRenderer {
  private readonly inflight = new Map<string, Promise<FormulaRenderResult>>();
  private readonly failures = new Map<string, { result: FormulaRenderResult; until: number }>();

  constructor(
    private readonly inner: FormulaRenderer,
    private readonly cache: DiskFormulaCache,
    private readonly settings: RenderSettings,
  ) {}

  render(tex: string, opts: FormulaRenderOptions): Promise<FormulaRenderResult> {
    const key = formulaCacheKey(tex, opts.display, this.settings);
    const failed = this.failures.get(key);
    if (failed && failed.until > Date.now()) return Promise.resolve(failed.result);
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.lookup(key, tex, opts).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async lookup(
    key: string,
    tex: string,
    opts: FormulaRenderOptions,
  ): Promise<FormulaRenderResult> {
    const stored = await this.cache.get(key);
    const size = stored && pngSize(stored);
    if (stored && size)
      return { ok: true, png: stored, ...size, scale: this.settings.card.scale, cached: true };
    const result = await this.inner.render(tex, opts);
    if (result.ok) {
      // A cache that cannot be written (full disk, read-only volume) must not fail the render.
      await this.cache.set(key, result.png).catch(() => undefined);
    } else if (result.error.code !== 'internal') {
      this.remember(key, result);
    }
    return result;
  }

  private remember(key: string, result: FormulaRenderResult): void {
    if (this.failures.size >= MAX_REMEMBERED_FAILURES) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
    const timedOut = !result.ok && result.error.code === 'timeout';
    this.failures.set(key, { result, until: timedOut ? Date.now() + TIMEOUT_MEMORY_MS : Infinity });
  }
}
