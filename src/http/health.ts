/**
 * `/healthz`: every probe runs at once with a deadline, and the answer is 200 only when all pass.
 * A probe that hangs (a Redis that accepts connections but never answers) counts as failed, so
 * an orchestrator's health check gets an answer within its own timeout.
 */
import type { HttpHandler } from './server.js';
import { sendJson } from './server.js';

export interface ProbeResult {
  ok: boolean;
  /** Anything useful to an operator: latency, per-adapter state, the error. */
  [detail: string]: unknown;
}

export interface HealthProbe {
  readonly name: string;
  run(): Promise<ProbeResult>;
}

/** Runs the probes; `{ ok, checks: { name: { ok, … } } }`, 200 when all pass, else 503. */
export function healthHandler(probes: readonly HealthProbe[], timeoutMs = 1_500): HttpHandler {
  return async (_req, res) => {
    const results = await Promise.all(probes.map((p) => withDeadline(p, timeoutMs)));
    const checks = Object.fromEntries(probes.map((p, i) => [p.name, results[i]!]));
    const ok = results.every((r) => r.ok);
    sendJson(res, ok ? 200 : 503, { ok, checks });
  };
}

async function withDeadline(probe: HealthProbe, timeoutMs: number): Promise<ProbeResult> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ProbeResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, error: `no answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([
      probe.run().catch((error: unknown) => ({ ok: false, error: String(error) })),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
