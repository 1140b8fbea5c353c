import type { FormulaRenderer } from '../core/ports.js';

/**
 * Builds the real renderer (a pool of MathJax workers) on the first render, so a short scripted
 * console session that never shows a formula does not pay for starting the workers.
 */
export function lazyRenderer(create: () => FormulaRenderer): FormulaRenderer {
  let inner: FormulaRenderer | undefined;
  let closed = false;
  return {
    render(tex, opts) {
      if (closed)
        return Promise.resolve({
          ok: false,
          error: { code: 'internal', message: 'renderer is closed' },
        });
      inner ??= create();
      return inner.render(tex, opts);
    },
    async close() {
      closed = true;
      await inner?.close();
    },
  };
}
