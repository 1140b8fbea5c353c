/**
 * Reading decoded Web API arguments: form values arrive as strings, JSON values as their types,
 * so each reader accepts both.
 */
import { isRecord } from './body.js';
import type { Recorder, UploadedPart } from './recorder.js';
import type { Workspace } from './workspace.js';

export type Args = Record<string, unknown>;

/** What a method answers; `ok: false` carries Slack's error code. */
export type MethodResult = { ok: true; [key: string]: unknown } | { ok: false; error: string };

/** What every method handler can reach. */
export interface MethodContext {
  ws: Workspace;
  rec: Recorder;
  /** http://127.0.0.1:PORT, for URLs the fake hands out (upload_url, url_private). */
  baseUrl: string;
  /** A fresh Socket Mode URL (with a one-use ticket), for `apps.connections.open`. */
  issueSocketUrl: () => string;
  /** File parts of a multipart call. */
  parts: UploadedPart[];
}

/** Which token a method wants: the bot token (xoxb-) or the app-level token (xapp-). */
export type TokenKind = 'bot' | 'app';

export interface MethodSpec {
  token: TokenKind;
  handle: (args: Args, ctx: MethodContext) => MethodResult;
}

export type MethodTable = Record<string, MethodSpec>;

export const fail = (error: string): MethodResult => ({ ok: false, error });

export function str(args: Args, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function bool(args: Args, key: string): boolean {
  const value = args[key];
  return value === true || value === 'true' || value === '1' || value === 1;
}

export function num(args: Args, key: string): number | undefined {
  const value = args[key];
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function record(args: Args, key: string): Record<string, unknown> | undefined {
  const value = args[key];
  return isRecord(value) ? value : undefined;
}

export function list(args: Args, key: string): unknown[] | undefined {
  const value = args[key];
  return Array.isArray(value) ? value : undefined;
}
