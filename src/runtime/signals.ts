/**
 * SIGTERM/SIGINT: the first asks for a graceful stop; a second one while stopping means the
 * operator is done waiting, so the process exits at once (128 + signal number, as shells do).
 * A terminal's Ctrl-C reaches the console's readline rather than the process, so the console
 * raises the same "signal" through `raise`.
 */
interface LogLike {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

const CODES = { SIGINT: 130, SIGTERM: 143 } as const;
export type ShutdownSignal = keyof typeof CODES;
const SIGNALS = Object.keys(CODES) as ShutdownSignal[];

export interface ShutdownSignals {
  /** Acts as if the process received `signal`. */
  raise(signal: ShutdownSignal): void;
  /** Removes the process handlers. */
  dispose(): void;
}

export function onShutdownSignals(
  stop: (reason: string) => Promise<void>,
  log: LogLike,
  exit: (code: number) => void = (code) => process.exit(code),
): ShutdownSignals {
  let stopping = false;
  const raise = (signal: ShutdownSignal) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now without finishing shutdown');
      exit(CODES[signal]);
      return;
    }
    stopping = true;
    log.info({ signal }, 'signal received: shutting down (send it again to force)');
    void stop(signal);
  };
  const handlers = new Map(SIGNALS.map((signal) => [signal, () => raise(signal)]));
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return {
    raise,
    dispose: () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}
