/**
 * The Web API endpoint, `POST /api/{method}`: decode, check the token, apply a queued failure,
 * run the method, record the call, answer like Slack (200 with `ok`, or 429 + Retry-After).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  fail,
  type MethodContext,
  type MethodResult,
  type MethodTable,
  type TokenKind,
} from './args.js';
import { decodeBody, decodeForm } from './body.js';
import { chatMethods } from './chat.js';
import { conversationMethods } from './conversations.js';
import { fileMethods } from './files.js';
import type { Recorder } from './recorder.js';
import { viewMethods } from './views.js';
import type { Workspace } from './workspace.js';

/** A failure to answer instead of running the method. `ratelimited` answers HTTP 429. */
export interface Failure {
  error: string;
  /** Seconds, sent as `Retry-After` with `ratelimited` (default 1). */
  retryAfter?: number;
  /** HTTP status for other errors (default 200, as Slack answers API errors). */
  status?: number;
}

const authMethods: MethodTable = {
  'auth.test': {
    token: 'bot',
    handle: (_args, { ws }) => ({
      ok: true,
      url: `https://${ws.ids.teamDomain}.slack.com/`,
      team: ws.ids.teamName,
      user: ws.ids.botName,
      team_id: ws.ids.teamId,
      user_id: ws.ids.botUserId,
      bot_id: ws.ids.botId,
      is_enterprise_install: false,
      ...(ws.ids.enterpriseId ? { enterprise_id: ws.ids.enterpriseId } : {}),
    }),
  },
  'apps.connections.open': {
    token: 'app',
    handle: (_args, ctx) => ({ ok: true, url: ctx.issueSocketUrl() }),
  },
};

const METHODS: MethodTable = {
  ...authMethods,
  ...chatMethods,
  ...conversationMethods,
  ...viewMethods,
  ...fileMethods,
};

export const supportedMethods = (): string[] => Object.keys(METHODS).sort();

export interface ApiEnv {
  ws: Workspace;
  rec: Recorder;
  baseUrl: string;
  botToken: string;
  appToken: string | undefined;
  issueSocketUrl: () => string;
  failures: Map<string, Failure[]>;
}

function tokenError(want: TokenKind, token: string | undefined, env: ApiEnv): string | undefined {
  if (!token) return 'not_authed';
  const mine = want === 'bot' ? env.botToken : env.appToken;
  const other = want === 'bot' ? env.appToken : env.botToken;
  if (token === mine) return undefined;
  return token === other ? 'not_allowed_token_type' : 'invalid_auth';
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

export async function handleApiCall(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  env: ApiEnv,
): Promise<void> {
  const body =
    req.method === 'GET'
      ? { contentType: '', args: decodeForm(new URL(req.url ?? '', env.baseUrl).search), parts: [] }
      : await decodeBody(req);
  const { token: formToken, ...args } = body.args;
  const token = bearer(req) ?? (typeof formToken === 'string' ? formToken : undefined);
  const spec = METHODS[method];

  let status = 200;
  let headers: Record<string, string> = {};
  let result: MethodResult;
  const authError = spec ? tokenError(spec.token, token, env) : undefined;
  // A queued failure is spent only on a call that would otherwise have run.
  const queued = spec && !authError ? env.failures.get(method)?.shift() : undefined;
  if (!spec) {
    result = fail('unknown_method');
  } else if (authError) {
    result = fail(authError);
  } else if (queued) {
    result = fail(queued.error);
    if (queued.error === 'ratelimited') {
      status = 429;
      headers = { 'retry-after': String(queued.retryAfter ?? 1) };
    } else {
      status = queued.status ?? 200;
    }
  } else {
    const ctx: MethodContext = {
      ws: env.ws,
      rec: env.rec,
      baseUrl: env.baseUrl,
      issueSocketUrl: env.issueSocketUrl,
      parts: body.parts,
    };
    result = spec.handle(args, ctx);
  }

  env.rec.push(env.rec.calls, {
    seq: env.rec.nextSeq(),
    method,
    args,
    files: body.parts,
    token,
    contentType: body.contentType,
    status,
    ok: result.ok,
    error: result.ok ? undefined : result.error,
  });
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    .end(JSON.stringify(result));
}
