/**
 * What the jobs layer reports to: a pino-compatible logger and a small metrics sink that the
 * runtime backs with prom-client (and tests with counters).
 */

type LogFn = (obj: object, msg?: string) => void;

/** The subset of pino's Logger the jobs layer uses; a pino logger satisfies it as is. */
export interface JobLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export const silentLogger: JobLogger = { debug() {}, info() {}, warn() {}, error() {} };

export interface JobMetrics {
  /** A job began. `lagMs` = start time − scheduled time (on attempt 1, pure scheduling delay). */
  started(event: { name: string; attempt: number; lagMs: number }): void;
  /** A job finished; `status` is its result's (posted, skipped, revealed …). */
  processed(event: { name: string; status: string; durationMs: number }): void;
  /** A job threw; `willRetry` is false when it is now failed for good. */
  failed(event: { name: string; error: string; willRetry: boolean; durationMs: number }): void;
}

export const noMetrics: JobMetrics = { started() {}, processed() {}, failed() {} };

export interface CountingMetrics extends JobMetrics {
  readonly processedCount: Map<string, number>;
  readonly failedCount: Map<string, number>;
  readonly lags: { name: string; lagMs: number }[];
}

/** An in-memory JobMetrics: counts per job name and every lag, for tests and the bench. */
export function countingMetrics(): CountingMetrics {
  const processedCount = new Map<string, number>();
  const failedCount = new Map<string, number>();
  const lags: { name: string; lagMs: number }[] = [];
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  return {
    processedCount,
    failedCount,
    lags,
    started: ({ name, lagMs }) => void lags.push({ name, lagMs }),
    processed: ({ name }) => void bump(processedCount, name),
    failed: ({ name }) => void bump(failedCount, name),
  };
}

/** `message` of an Error, or the value as text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
