import type { FormulaRenderer, FormulaRenderOptions, FormulaRenderResult } from '../core/ports.js';
import type { RenderObserver } from '../http/metrics.js';

/** A FormulaRenderer that reports every answer (and whether the cache served it) to metrics. */
export function observedRenderer(
  inner: FormulaRenderer,
  observer: RenderObserver,
): FormulaRenderer {
  return {
    async render(tex: string, opts: FormulaRenderOptions): Promise<FormulaRenderResult> {
      const started = performance.now();
      const result = await inner.render(tex, opts);
      observer.rendered({
        ok: result.ok,
        cached: result.ok && result.cached,
        seconds: (performance.now() - started) / 1000,
        background: opts.background === true,
      });
      return result;
    },
    close: () => inner.close(),
  };
}
