/**
 * One formula, start to finish, in the calling thread: limits → TeX → SVG → card → PNG.
 * The worker runs this; the benchmark runs it directly to time each stage.
 */
import type { FormulaError } from '../core/ports.js';
import { buildCard, DEFAULT_CARD_STYLE, type CardStyle } from './card.js';
import { DEFAULT_LIMITS, precheckTex, type RenderLimits } from './limits.js';
import { createTexEngine } from './mathjax/engine.js';
import { DEFAULT_PNG_OPTIONS, rasterize, type PngOptions } from './rasterize.js';

/** Bump when output for the same TeX changes (macros, packages, card drawing): it keys the cache. */
export const RENDERER_VERSION = 'quizbot-render/1 mathjax-full@3.2.2';

/** Everything that decides what a formula looks like and how much it may cost. Plain data. */
export interface RenderSettings {
  limits: RenderLimits;
  card: CardStyle;
  png: PngOptions;
}

/** Fills in defaults for any part a caller leaves out. */
export function resolveSettings(
  partial: Partial<{ [K in keyof RenderSettings]: Partial<RenderSettings[K]> }> = {},
): RenderSettings {
  return {
    limits: { ...DEFAULT_LIMITS, ...partial.limits },
    card: { ...DEFAULT_CARD_STYLE, ...partial.card },
    png: { ...DEFAULT_PNG_OPTIONS, ...partial.png },
  };
}

export interface StageTimings {
  texMs: number;
  pngMs: number;
}

export type PipelineResult =
  | { ok: true; png: Uint8Array; width: number; height: number; timings: StageTimings }
  | { ok: false; error: FormulaError; timings: StageTimings };

export interface Pipeline {
  render(tex: string, display: boolean): Promise<PipelineResult>;
}

export function createPipeline(settings: RenderSettings): Pipeline {
  const engine = createTexEngine(settings.limits);
  return {
    async render(tex, display) {
      const timings: StageTimings = { texMs: 0, pngMs: 0 };
      const refused = precheckTex(tex, settings.limits);
      if (refused) return { ok: false, error: refused, timings };
      const t0 = performance.now();
      const math = engine.toSvg(tex, display);
      timings.texMs = performance.now() - t0;
      if (!math.ok) return { ok: false, error: math.error, timings };
      const laid = buildCard(math, settings.card, settings.limits);
      if (!laid.ok) return { ok: false, error: laid.error, timings };
      const t1 = performance.now();
      try {
        const png = await rasterize(laid.card, settings.png, settings.limits.maxAreaPx);
        timings.pngMs = performance.now() - t1;
        return { ok: true, png, width: laid.card.width, height: laid.card.height, timings };
      } catch (err) {
        timings.pngMs = performance.now() - t1;
        const message = err instanceof Error ? err.message : String(err);
        return {
          ok: false,
          error: { code: 'internal', message: `rasteriser failed: ${message}` },
          timings,
        };
      }
    },
  };
}
