/**
 * The HTTP side: `/api/v10/*` REST (recorded, authenticated, failure-injectable, routed), the
 * attachment CDN at `/cdn/attachments/*`, and websocket upgrades on `/gateway*` handed to the
 * gateway. Unknown routes are recorded and answered 404 so a test can see what was missed.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { DiscordHttpError, Err } from './errors.js';
import type { Gateway } from './gateway.js';
import { parseBody } from './multipart.js';
import type { Failure, Recorder, RecordedCall } from './recorder.js';
import { findRoute } from './rest-routes.js';
import type { GatewayBotInfo, Json, Route, RouteResult } from './route.js';
import type { World } from './state.js';

export interface HttpDeps {
  world: World;
  gateway: Gateway;
  recorder: Recorder;
  gatewayBot: GatewayBotInfo;
}

const MAX_BODY = 30 * 1024 * 1024;

export function createHttpServer(deps: () => HttpDeps): Server {
  const server = createServer((req, res) => {
    handle(deps(), req, res).catch((error: unknown) => {
      console.error('fake discord: handler crashed', error);
      if (!res.headersSent) send(res, 500, { message: '500: Internal Server Error', code: 0 });
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if ((req.url ?? '').startsWith('/gateway')) deps().gateway.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  return server;
}

async function handle(deps: HttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'GET' && url.pathname.startsWith('/cdn/attachments/')) {
    return serveAttachment(deps.world, url.pathname, res);
  }
  const api = /^\/api\/v(\d+)(\/.*)$/.exec(url.pathname);
  const raw = await readBody(req);
  const call = deps.recorder.record({
    at: Date.now(),
    method,
    path: decodePath(api ? api[2]! : url.pathname),
    route: 'unknown',
    query: Object.fromEntries(url.searchParams),
    headers: pickHeaders(req),
    json: undefined,
    files: [],
    status: 0,
    response: undefined,
  });
  let result: RouteResult & { headers?: Record<string, string> };
  try {
    result = await respond(deps, call, raw, req, api?.[1], url.searchParams);
  } catch (error) {
    if (!(error instanceof DiscordHttpError)) throw error;
    result = { status: error.status, body: error.body, headers: error.headers };
  }
  call.status = result.status;
  call.response = result.body;
  send(res, result.status, result.body, { ...bucketHeaders(call), ...result.headers });
  deps.recorder.notify();
}

async function respond(
  deps: HttpDeps,
  call: RecordedCall,
  raw: Buffer,
  req: IncomingMessage,
  version: string | undefined,
  query: URLSearchParams,
): Promise<RouteResult> {
  if (version === undefined) throw Err.notFound();
  if (version !== '10') throw Err.badVersion();
  if (raw.length > MAX_BODY) throw Err.tooLarge();
  const body = await parseBody(raw, req.headers['content-type']);
  call.json = body.json;
  call.files = body.files;
  const found = findRoute(call.method, call.path);
  if (found === 'wrong-method')
    throw new DiscordHttpError(405, { message: '405: Method Not Allowed', code: 0 });
  if (!found) throw Err.notFound();
  call.route = `${call.method} ${found.route.pattern}`;
  checkAuth(found.route, call.headers.authorization, deps.world.options.token);
  const failure = deps.recorder.takeFailure(call.method, call.path);
  if (failure) throw failureError(failure);
  const json = body.json && typeof body.json === 'object' ? (body.json as Json) : {};
  return found.route.handle({
    world: deps.world,
    gateway: deps.gateway,
    params: found.params,
    query,
    json,
    files: body.files,
    call,
    gatewayBot: deps.gatewayBot,
  });
}

function checkAuth(route: Route, header: string | undefined, token: string): void {
  const valid = header === `Bot ${token}`;
  if (route.auth === 'bot' && !valid) throw Err.unauthorized();
  // Interaction and webhook routes carry their credential in the path; a wrong header still fails.
  if (route.auth === 'token' && header !== undefined && !valid) throw Err.unauthorized();
}

/** The error response an armed `failNext` rule produces, with Discord's headers. */
function failureError(failure: Failure): DiscordHttpError {
  switch (failure.status) {
    case 429: {
      const after = failure.retryAfter ?? 0.1;
      const global = failure.global === true;
      const headers: Record<string, string> = {
        'Retry-After': String(after),
        'X-RateLimit-Limit': '5',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': ((Date.now() + after * 1000) / 1000).toFixed(3),
        'X-RateLimit-Reset-After': after.toFixed(3),
        'X-RateLimit-Scope': global ? 'global' : 'user',
        ...(global ? { 'X-RateLimit-Global': 'true' } : {}),
      };
      const body = { message: 'You are being rate limited.', retry_after: after, global };
      return new DiscordHttpError(429, body, headers);
    }
    case 401:
      return Err.unauthorized();
    case 403:
      return failure.code === 50013 ? Err.missingPermissions() : Err.missingAccess();
    case 404:
      return Err.notFound();
    default:
      return Err.server(failure.status);
  }
}

/** Normal per-route headers; `Remaining` never reaches 0, so discord.js never waits on its own. */
function bucketHeaders(call: RecordedCall): Record<string, string> {
  if (call.route === 'unknown') return {};
  const bucket = createHash('sha1').update(call.route).digest('hex').slice(0, 32);
  return {
    'X-RateLimit-Bucket': bucket,
    'X-RateLimit-Limit': '5',
    'X-RateLimit-Remaining': '4',
    'X-RateLimit-Reset': ((Date.now() + 1000) / 1000).toFixed(3),
    'X-RateLimit-Reset-After': '1.000',
  };
}

function pickHeaders(req: IncomingMessage): RecordedCall['headers'] {
  const h = req.headers;
  const pick = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : v);
  const out: RecordedCall['headers'] = {};
  const set = (key: keyof RecordedCall['headers'], v: string | string[] | undefined) => {
    const value = pick(v);
    if (value !== undefined) out[key] = value;
  };
  set('authorization', h.authorization);
  set('contentType', h['content-type']);
  set('userAgent', h['user-agent']);
  set('auditLogReason', h['x-audit-log-reason']);
  return out;
}

/** `%40original` → `@original`, segment by segment, so paths read as Discord documents them. */
function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function serveAttachment(world: World, pathname: string, res: ServerResponse): void {
  const id = pathname.split('/')[4];
  const file = id ? world.attachments.get(id) : undefined;
  if (!file) return send(res, 404, { message: '404: Not Found', code: 0 });
  res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.bytes.length });
  res.end(file.bytes);
}
