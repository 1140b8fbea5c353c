import type { Catalog } from '../core/catalog.js';
import { formulasOf } from '../core/bank/walk.js';
import type { FormulaRenderer } from '../core/ports.js';
import { formulasNeedingImages, prerenderFormulas } from '../render/prerender.js';

interface LogLike {
  info(obj: object, msg?: string): void;
}

/**
 * Renders every formula of the bank that chat will show as an image into the cache, in the
 * background and at background priority; abort it at shutdown.
 */
export function prerenderBank(
  formulas: FormulaRenderer,
  catalog: Catalog,
  log: LogLike,
): AbortController {
  const abort = new AbortController();
  const all = catalog.bank.questions.flatMap((q) => formulasOf([...q.lead, ...q.answer]));
  void prerenderFormulas(formulas, formulasNeedingImages(all), {
    signal: abort.signal,
    concurrency: 2,
  }).then((report) =>
    log.info(
      {
        total: report.total,
        cached: report.cached,
        failed: report.failed.length,
        ms: Math.round(report.ms),
      },
      abort.signal.aborted ? 'formula pre-render stopped' : 'formulas pre-rendered',
    ),
  );
  return abort;
}
