import type { Registry } from 'prom-client';
import type { HttpHandler } from './server.js';

/** `/metrics` in Prometheus text format from the bot's own registry. */
export function metricsHandler(registry: Registry): HttpHandler {
  return async (_req, res) => {
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
    res.end(body);
  };
}
