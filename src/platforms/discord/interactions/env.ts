/** What every interaction flow receives, built once by the adapter. */
import type { AdapterServices } from '../../../runtime/adapter.js';

export interface LogLike {
  error(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}

export interface InteractionEnv {
  services: AdapterServices;
  log: LogLike;
  /** Override of when to defer (tests make it short or long). */
  deferAfterMs?: number;
}

/** What a flow reports for metrics: `refused` for an expected failure. */
export type FlowOutcome = 'ok' | 'refused';
