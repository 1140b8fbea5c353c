/**
 * The three-step upload behind `files.uploadV2`:
 *   1. files.getUploadURLExternal → an upload_url on this fake and a file_id,
 *   2. the client POSTs the bytes to upload_url (multipart, or a raw body),
 *   3. files.completeUploadExternal shares the files (to a channel/thread, or privately).
 * Plus files.info and a url_private download, for `slack_file` image blocks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  fail,
  list,
  num,
  str,
  type Args,
  type MethodContext,
  type MethodResult,
  type MethodTable,
} from './args.js';
import { decodeBody, isRecord } from './body.js';
import type { Recorder } from './recorder.js';
import type { FakeFile, Workspace } from './workspace.js';

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  txt: 'text/plain',
  json: 'application/json',
  html: 'text/html',
};

function fileType(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? 'binary';
}

export function fileObject(
  file: FakeFile,
  ctx: { ws: Workspace; baseUrl: string },
): Record<string, unknown> {
  const type = fileType(file.name);
  const urlPrivate = `${ctx.baseUrl}/files-pri/${ctx.ws.ids.teamId}-${file.id}/${encodeURIComponent(file.name)}`;
  return {
    id: file.id,
    created: file.created,
    timestamp: file.created,
    name: file.name,
    title: file.title,
    mimetype: MIME[type] ?? 'application/octet-stream',
    filetype: type,
    user: ctx.ws.ids.botUserId,
    size: file.bytes?.length ?? 0,
    is_public: file.channels.length > 0,
    url_private: urlPrivate,
    url_private_download: `${urlPrivate}?download=1`,
    permalink: `https://${ctx.ws.ids.teamDomain}.slack.com/files/${ctx.ws.ids.botUserId}/${file.id}/${file.name}`,
    channels: [...file.channels],
    ...(file.alt_text ? { alt_txt: file.alt_text } : {}),
  };
}

function getUploadUrl(args: Args, ctx: MethodContext): MethodResult {
  const filename = str(args, 'filename');
  const length = num(args, 'length');
  if (!filename || length === undefined || length < 0) return fail('invalid_arguments');
  const id = ctx.ws.nextId('F');
  ctx.ws.files.set(id, {
    id,
    name: filename,
    title: filename,
    alt_text: str(args, 'alt_text') ?? str(args, 'alt_txt'),
    declaredLength: length,
    bytes: undefined,
    completed: false,
    channels: [],
    created: Math.floor(Date.now() / 1000),
  });
  return { ok: true, upload_url: `${ctx.baseUrl}/upload/v1/${id}`, file_id: id };
}

function complete(args: Args, ctx: MethodContext): MethodResult {
  const entries = (list(args, 'files') ?? []).filter(isRecord);
  if (entries.length === 0) return fail('invalid_arguments');
  const files: FakeFile[] = [];
  for (const entry of entries) {
    const file = typeof entry.id === 'string' ? ctx.ws.files.get(entry.id) : undefined;
    if (!file || file.bytes === undefined) return fail('file_not_found');
    if (typeof entry.title === 'string' && entry.title) file.title = entry.title;
    files.push(file);
  }
  const channelId = str(args, 'channel_id') ?? str(args, 'channels');
  const threadTs = str(args, 'thread_ts');
  if (channelId) {
    const channel = ctx.ws.resolveChannel(channelId);
    if (!channel.is_member) return fail('not_in_channel');
    if (threadTs && !ctx.ws.findMessage(channel.id, threadTs)) return fail('thread_not_found');
    for (const file of files) file.channels.push(channel.id);
    ctx.ws.addMessage({
      type: 'message',
      channel: channel.id,
      ts: ctx.ws.nextTs(),
      user: ctx.ws.ids.botUserId,
      bot_id: ctx.ws.ids.botId,
      app_id: ctx.ws.ids.appId,
      team: ctx.ws.ids.teamId,
      text: str(args, 'initial_comment') ?? '',
      files: files.map((f) => fileObject(f, ctx)),
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
  }
  for (const file of files) file.completed = true;
  return { ok: true, files: files.map((f) => fileObject(f, ctx)) };
}

export const fileMethods: MethodTable = {
  'files.getUploadURLExternal': { token: 'bot', handle: getUploadUrl },
  'files.completeUploadExternal': { token: 'bot', handle: complete },
  'files.info': {
    token: 'bot',
    handle: (args, ctx) => {
      const file = ctx.ws.files.get(str(args, 'file') ?? '');
      return file?.completed ? { ok: true, file: fileObject(file, ctx) } : fail('file_not_found');
    },
  },
};

/** Step 2: the bytes POSTed to an upload_url. Multipart takes the first file part. */
export async function receiveUpload(
  req: IncomingMessage,
  res: ServerResponse,
  fileId: string,
  env: { ws: Workspace; rec: Recorder },
): Promise<void> {
  const file = env.ws.files.get(fileId);
  if (!file || req.method !== 'POST') {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const body = await decodeBody(req);
  const part = body.parts[0];
  const bytes = part ? part.bytes : body.raw;
  file.bytes = bytes;
  env.rec.push(env.rec.uploads, {
    seq: env.rec.nextSeq(),
    fileId,
    filename: file.name,
    bytes,
    via: part ? 'multipart' : 'raw',
  });
  res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
}

/** url_private: the stored bytes, for the bot token only (as Slack does). */
export function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  fileId: string,
  env: { ws: Workspace; botToken: string },
): void {
  const file = env.ws.files.get(fileId);
  if (req.headers.authorization !== `Bearer ${env.botToken}`) {
    res.writeHead(302, { location: 'https://slack.com/signin' }).end();
    return;
  }
  if (!file?.bytes) {
    res.writeHead(404).end();
    return;
  }
  const type = MIME[fileType(file.name)] ?? 'application/octet-stream';
  res.writeHead(200, { 'content-type': type, 'content-length': file.bytes.length }).end(file.bytes);
}
