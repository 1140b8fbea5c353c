import { type BotHttpServer, type HttpHandler, startHttpServer } from './server.js';

interface LogLike {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** PORT is taken by something else; the message says what to do. */
export class PortInUseError extends Error {
  readonly code = 'PORT_IN_USE';
  constructor(readonly port: number) {
    super(
      `PORT ${port} is already in use; stop what holds it or set PORT to a free port (0 picks one)`,
    );
    this.name = 'PortInUseError';
  }
}

/**
 * Starts the HTTP server on `port`. A bot serving a platform must own its port (health checks and
 * Slack's events are configured against it); a local console may fall back to any free port.
 */
export async function listenOnPort(options: {
  port: number;
  routes: ReadonlyMap<string, HttpHandler>;
  fallbackToFreePort: boolean;
  log: LogLike;
}): Promise<BotHttpServer> {
  const { port, routes, log } = options;
  try {
    return await startHttpServer({ port, routes, log });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (!options.fallbackToFreePort) throw new PortInUseError(port);
    log.warn({ port }, 'PORT is in use; serving /healthz and /metrics on a free port instead');
    return startHttpServer({ port: 0, routes, log });
  }
}
