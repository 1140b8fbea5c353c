/**
 * Pre-rendering a bank's formulas at start-up, in the background, so the first lookup of any
 * question is served from the cache. Runs at background priority: a user's request that arrives
 * meanwhile goes ahead of it.
 */
import type { FormulaError, FormulaRenderer } from '../core/ports.js';
import { texToUnicode } from '../core/text/tex-unicode.js';

export interface FormulaRef {
  tex: string;
  display: boolean;
}

export interface PrerenderReport {
  /** Distinct formulas attempted. */
  total: number;
  rendered: number;
  /** Of those rendered, how many were already in the cache. */
  cached: number;
  failed: Array<FormulaRef & { error: FormulaError }>;
  ms: number;
}

export interface PrerenderOptions {
  /** Renders in flight at once; a few per worker keeps workers busy without hogging the queue. */
  concurrency?: number;
  signal?: AbortSignal;
}

/**
 * The formulas a chat message will show as images: every display formula, and the inline ones
 * that do not convert to Unicode text (the same rule the message layout applies).
 */
export function formulasNeedingImages(formulas: Iterable<FormulaRef>): FormulaRef[] {
  return [...formulas].filter((f) => f.display || texToUnicode(f.tex) === null);
}

/** Renders each distinct formula once through `renderer` (which caches). Never rejects. */
export async function prerenderFormulas(
  renderer: FormulaRenderer,
  formulas: Iterable<FormulaRef>,
  options: PrerenderOptions = {},
): Promise<PrerenderReport> {
  const started = performance.now();
  const unique = new Map<string, FormulaRef>();
  for (const f of formulas) unique.set(`${f.display ? 'D' : 'I'}${f.tex}`, f);
  const queue = [...unique.values()];
  const report: PrerenderReport = {
    total: queue.length,
    rendered: 0,
    cached: 0,
    failed: [],
    ms: 0,
  };
  const lanes = Math.max(1, options.concurrency ?? 4);
  const lane = async (): Promise<void> => {
    for (let f = queue.shift(); f && !options.signal?.aborted; f = queue.shift()) {
      const result = await renderer.render(f.tex, { display: f.display, background: true });
      if (result.ok) {
        report.rendered++;
        if (result.cached) report.cached++;
      } else {
        report.failed.push({ ...f, error: result.error });
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  report.ms = performance.now() - started;
  return report;
}
