/**
 * The bot's HTTP server. Plain node:http, because two small routes (/healthz, /metrics) do not
 * need a framework; other handlers (Slack's `/slack/events` from Bolt's receiver) are mounted by
 * path. Routing is by exact path: nothing here parses bodies, so a mounted handler gets the raw
 * request, as Bolt's request verification needs.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

interface LogLike {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface HttpServerOptions {
  port: number;
  /** Default all interfaces, as a container's health check needs. */
  host?: string;
  routes?: ReadonlyMap<string, HttpHandler>;
  log: LogLike;
}

export interface BotHttpServer {
  /** The bound port (differs from the asked one when that was 0). */
  readonly port: number;
  /** Adds a route; a later mount of the same path replaces the earlier one. */
  mount(path: string, handler: HttpHandler): void;
  /** Stops accepting, lets open requests finish for `graceMs`, then drops what is left. */
  close(graceMs?: number): Promise<void>;
}

/** Starts listening; rejects with the listen error (EADDRINUSE …) so the caller can word it. */
export async function startHttpServer(options: HttpServerOptions): Promise<BotHttpServer> {
  const routes = new Map(options.routes ?? []);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const handler = routes.get(path);
    if (!handler) return sendJson(res, 404, { error: `no route ${path}` });
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        options.log.error({ err: String(error), path }, 'HTTP handler failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.destroy();
      });
  });
  // Keep-alive sockets would hold close() open until they idle out.
  server.keepAliveTimeout = 2_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host: options.host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => options.log.warn({ err: String(error) }, 'HTTP server error'));
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    port,
    mount: (path, handler) => void routes.set(path, handler),
    close: (graceMs = 3_000) =>
      (closing ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      })),
  };
}

/** Writes a JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}
