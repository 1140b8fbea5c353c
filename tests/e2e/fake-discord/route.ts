/** The shape of one REST route and what its handler gets and returns. */
import type { Gateway } from './gateway.js';
import type { RecordedCall, RecordedFile } from './recorder.js';
import type { World } from './state.js';

export type Json = Record<string, unknown>;

export interface GatewayBotInfo {
  url: string;
  shards: number;
  maxConcurrency: number;
}

export interface RouteContext {
  world: World;
  gateway: Gateway;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body (or `payload_json`), `{}` when there is none. */
  json: Json;
  files: RecordedFile[];
  call: RecordedCall;
  /** What `/gateway/bot` answers. */
  gatewayBot: GatewayBotInfo;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  pattern: string;
  /** `bot`: needs `Authorization: Bot <token>`. `token`: the path carries the credential. */
  auth: 'bot' | 'token';
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

export const ok = (body: unknown, status = 200): RouteResult => ({ status, body });
export const noContent = (): RouteResult => ({ status: 204 });
