/**
 * Request bodies as Discord reads them: JSON, or multipart/form-data with the message in
 * `payload_json` and uploads in `files[n]` fields. Multipart is parsed by the platform's own
 * `Response#formData()` (undici), not by hand.
 */
import { Err } from './errors.js';
import type { RecordedFile } from './recorder.js';

export interface ParsedBody {
  json: unknown;
  files: RecordedFile[];
}

export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { json: undefined, files: [] };
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'multipart/form-data') return parseMultipart(raw, contentType!);
  return { json: parseJson(raw.toString('utf8')), files: [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw Err.badJson();
  }
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Response(new Uint8Array(raw), {
    headers: { 'content-type': contentType },
  }).formData();
  let json: Record<string, unknown> | undefined;
  const fields: Record<string, unknown> = {};
  const files: RecordedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') json = parseJson(value) as Record<string, unknown>;
      else fields[field] = value;
      continue;
    }
    files.push({
      field,
      name: value.name,
      contentType: value.type || 'application/octet-stream',
      bytes: Buffer.from(await value.arrayBuffer()),
    });
  }
  const merged = Object.keys(fields).length > 0 ? { ...fields, ...json } : json;
  return { json: merged, files };
}

/** Width and height from a PNG's IHDR chunk, as Discord reports them for image attachments. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
