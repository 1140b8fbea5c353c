/**
 * Decodes what a Slack client POSTs: url-encoded forms (what @slack/web-api sends, with objects
 * JSON-encoded inside), JSON bodies, and multipart forms (file parts kept as bytes).
 */
import { Buffer } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import type { UploadedPart } from './recorder.js';

export interface DecodedBody {
  contentType: string;
  raw: Buffer;
  args: Record<string, unknown>;
  parts: UploadedPart[];
}

/** Keys whose form values are JSON, because @slack/web-api stringifies non-primitive arguments. */
const JSON_KEYS = new Set([
  'blocks',
  'attachments',
  'metadata',
  'view',
  'files',
  'file_uploads',
  'unfurls',
  'user_auth_blocks',
]);

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export async function decodeBody(req: IncomingMessage): Promise<DecodedBody> {
  const raw = await readRaw(req);
  const contentType = req.headers['content-type'] ?? '';
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mime === 'application/json') {
    const parsed: unknown = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {};
    return { contentType, raw, args: isRecord(parsed) ? parsed : {}, parts: [] };
  }
  if (mime === 'multipart/form-data')
    return { contentType, raw, ...(await decodeMultipart(raw, contentType)) };
  if (mime === 'application/x-www-form-urlencoded' || raw.length === 0) {
    return { contentType, raw, args: decodeForm(raw.toString('utf8')), parts: [] };
  }
  return { contentType, raw, args: {}, parts: [] };
}

export function decodeForm(text: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) args[key] = decodeField(key, value);
  return args;
}

function decodeField(key: string, value: string): unknown {
  if (!JSON_KEYS.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

// Node's own Request (undici) parses multipart; no extra dependency for a test fake.
async function decodeMultipart(
  raw: Buffer,
  contentType: string,
): Promise<{ args: Record<string, unknown>; parts: UploadedPart[] }> {
  const form = await new Request('http://fake.invalid/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: raw,
  }).formData();
  const args: Record<string, unknown> = {};
  const parts: UploadedPart[] = [];
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      args[field] = decodeField(field, value);
    } else {
      const bytes = Buffer.from(await value.arrayBuffer());
      parts.push({ field, filename: value.name, contentType: value.type, bytes });
    }
  }
  return { args, parts };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
