/**
 * Requests to a Bolt HTTP endpoint signed the way Slack signs them: `x-slack-request-timestamp`
 * (seconds) and `x-slack-signature: v0=` + hex HMAC-SHA256(signing secret, `v0:{ts}:{raw body}`).
 * Options tamper with one part at a time, so tests can prove each rejection.
 */
import { createHmac } from 'node:crypto';

export interface SigningOptions {
  /** Unix seconds put in the header and the signed string (default: now). */
  timestamp?: number;
  /** Sign with this secret instead (a forged request). */
  secret?: string;
  /** Send this header verbatim instead of the computed signature. */
  signature?: string;
  /** Extra headers, e.g. `x-slack-retry-num`. */
  headers?: Record<string, string>;
}

/** What the endpoint answered, and how long it took (the ack time). */
export interface HttpReply {
  status: number;
  text: string;
  /** The body parsed as JSON when it is JSON, else undefined. */
  json: unknown;
  ms: number;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function signedHeaders(
  secret: string,
  body: string,
  options: SigningOptions = {},
): Record<string, string> {
  const timestamp = options.timestamp ?? nowSeconds();
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature':
      options.signature ?? slackSignature(options.secret ?? secret, timestamp, body),
    ...options.headers,
  };
}

export async function postSigned(
  url: string,
  secret: string,
  body: string,
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
  options: SigningOptions = {},
): Promise<HttpReply> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    // Bolt compares the content type exactly, so no "; charset=…" suffix (Slack sends none).
    headers: { 'content-type': contentType, ...signedHeaders(secret, body, options) },
    body,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  return { status: response.status, text, json: parseJson(text), ms };
}

/** A slash command: the fields form-encoded, as Slack POSTs them. */
export function postSlashCommand(
  url: string,
  secret: string,
  fields: Record<string, string>,
  options?: SigningOptions,
): Promise<HttpReply> {
  return postSigned(
    url,
    secret,
    new URLSearchParams(fields).toString(),
    'application/x-www-form-urlencoded',
    options,
  );
}

/** An interactive payload (block_actions, view_submission …): `payload=<json>`, form-encoded. */
export function postInteractive(
  url: string,
  secret: string,
  payload: Record<string, unknown>,
  options?: SigningOptions,
): Promise<HttpReply> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(url, secret, body, 'application/x-www-form-urlencoded', options);
}

/** An Events API callback: JSON. */
export function postEvent(
  url: string,
  secret: string,
  envelope: Record<string, unknown>,
  options?: SigningOptions,
): Promise<HttpReply> {
  return postSigned(url, secret, JSON.stringify(envelope), 'application/json', options);
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
