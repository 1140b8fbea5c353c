/**
 * Creating and editing messages from a request body and its uploads: attachments (bytes kept,
 * `files[n]` matched to `attachments[].id`, alt text from `description`), `attachment://` embed
 * references resolved, component ids assigned, mentions parsed, interaction metadata attached.
 */
import { InteractionType, MessageFlags, MessageType } from 'discord.js';
import type { APIAttachment, APIMessage, APIUser } from 'discord.js';
import { withIds } from './components.js';
import { iso, snowflake } from './ids.js';
import { pngSize } from './multipart.js';
import type { RecordedFile } from './recorder.js';
import type { InteractionRecord, MessageState, World } from './state.js';

type Json = Record<string, unknown>;
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/** Flags a bot may set on a message it sends. */
const SETTABLE_FLAGS =
  MessageFlags.SuppressEmbeds |
  MessageFlags.Ephemeral |
  MessageFlags.SuppressNotifications |
  MessageFlags.IsComponentsV2;

export interface NewMessage {
  channelId: string;
  body: Json;
  files: readonly RecordedFile[];
  author: APIUser;
  /** The one user who sees an ephemeral message; null for a normal one. */
  visibleTo: string | null;
  interaction?: InteractionRecord;
  /** A deferred response: empty and flagged LOADING until edited. */
  loading?: boolean;
  /** For follow-ups: the interaction's original response. */
  originalResponseId?: string;
}

export function createMessage(world: World, init: NewMessage): MessageState {
  const channel = world.requireChannel(init.channelId);
  const id = snowflake();
  const now = Date.now();
  const attachments = attachmentsFor(world, init.channelId, init.body, init.files, []);
  let flags = Number(init.body.flags ?? 0) & SETTABLE_FLAGS;
  if (init.visibleTo !== null) flags |= MessageFlags.Ephemeral;
  if (init.loading) flags |= MessageFlags.Loading;
  const json: APIMessage = {
    type: messageType(init),
    id,
    channel_id: init.channelId,
    author: init.author,
    content: init.loading ? '' : String(init.body.content ?? ''),
    timestamp: iso(now),
    edited_timestamp: null,
    tts: init.body.tts === true,
    pinned: false,
    flags: flags as MessageFlags,
    attachments,
    embeds: init.loading ? [] : embedsFor(init.body, attachments),
    components: init.loading ? [] : (withIds(arr(init.body.components)) as never),
    ...mentionsFor(world, init.body),
    ...(init.body.nonce !== undefined ? { nonce: init.body.nonce as string } : {}),
    ...(world.isThread(channel) ? { position: channel.messageIds.length } : {}),
    ...(init.interaction
      ? interactionFields(world, init.interaction, init.originalResponseId)
      : {}),
  };
  const state: MessageState = {
    json,
    channelId: init.channelId,
    visibleTo: init.visibleTo,
    deleted: false,
  };
  if (init.interaction) state.interactionId = init.interaction.id;
  world.messages.set(id, state);
  channel.messageIds.push(id);
  if (init.visibleTo === null) channel.json.last_message_id = id;
  return state;
}

/** Applies an edit body the way PATCH does: only the fields present change. */
export function editMessage(
  world: World,
  state: MessageState,
  body: Json,
  files: readonly RecordedFile[],
): APIMessage {
  const old = state.json;
  const wasLoading = ((old.flags ?? 0) & MessageFlags.Loading) !== 0;
  const next: APIMessage = { ...old };
  if ('content' in body) next.content = String(body.content ?? '');
  if ('attachments' in body || files.length > 0) {
    next.attachments = attachmentsFor(world, state.channelId, body, files, old.attachments);
  }
  if ('embeds' in body) next.embeds = embedsFor(body, next.attachments);
  if ('components' in body) next.components = withIds(arr(body.components)) as never;
  if ('content' in body) Object.assign(next, mentionsFor(world, body));
  let flags = (old.flags ?? 0) & ~MessageFlags.Loading;
  if ('flags' in body)
    flags =
      (flags & ~MessageFlags.SuppressEmbeds) | (Number(body.flags) & MessageFlags.SuppressEmbeds);
  next.flags = flags as MessageFlags;
  // The first edit of a deferred response is the response itself, not an edit.
  next.edited_timestamp = wasLoading ? null : iso(Date.now());
  state.json = next;
  return next;
}

function messageType(init: NewMessage): MessageType {
  const type = init.interaction?.payload.type;
  if (type === InteractionType.ApplicationCommand) return MessageType.ChatInputCommand;
  return MessageType.Default;
}

function interactionFields(world: World, record: InteractionRecord, originalResponseId?: string) {
  const user = world.users.get(record.userId)!;
  const payload = record.payload as Json;
  const data = (payload.data ?? {}) as Json;
  const name = commandPath(data);
  const metadata: Json = {
    id: record.id,
    type: record.type,
    user,
    authorizing_integration_owners: payload.authorizing_integration_owners,
    ...(record.type === InteractionType.ApplicationCommand
      ? { name, command_type: data.type }
      : {}),
    ...(record.sourceMessageId ? { interacted_message_id: record.sourceMessageId } : {}),
    ...(originalResponseId ? { original_response_message_id: originalResponseId } : {}),
  };
  return {
    application_id: world.options.applicationId,
    webhook_id: world.options.applicationId,
    interaction_metadata: metadata as never,
    ...(record.type === InteractionType.ApplicationCommand
      ? { interaction: { id: record.id, type: record.type, name, user } as never }
      : {}),
  };
}

/** `quiz daily set` from a command interaction's data. */
function commandPath(data: Json): string {
  const parts = [String(data.name ?? '')];
  let options = arr(data.options);
  for (;;) {
    const nested = options.find((o) => o.type === 1 || o.type === 2);
    if (!nested) return parts.join(' ');
    parts.push(String(nested.name));
    options = arr(nested.options);
  }
}

function attachmentsFor(
  world: World,
  channelId: string,
  body: Json,
  files: readonly RecordedFile[],
  existing: readonly APIAttachment[],
): APIAttachment[] {
  const byField = new Map(files.map((f) => [f.field, f]));
  const used = new Set<string>();
  const result: APIAttachment[] = [];
  const listed = 'attachments' in body ? arr(body.attachments) : null;
  if (listed === null) result.push(...existing);
  for (const entry of listed ?? []) {
    const file = byField.get(`files[${String(entry.id)}]`);
    if (file) {
      used.add(file.field);
      result.push(storeAttachment(world, channelId, file, entry));
    } else {
      const kept = existing.find((a) => a.id === String(entry.id));
      if (kept) result.push(kept);
    }
  }
  for (const file of files) {
    if (!used.has(file.field)) result.push(storeAttachment(world, channelId, file, {}));
  }
  return result;
}

function storeAttachment(
  world: World,
  channelId: string,
  file: RecordedFile,
  entry: Json,
): APIAttachment {
  const id = snowflake();
  const filename = typeof entry.filename === 'string' ? entry.filename : file.name;
  world.attachments.set(id, { filename, contentType: file.contentType, bytes: file.bytes });
  const url = `${world.options.cdnBase}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
  const size = file.contentType === 'image/png' ? pngSize(file.bytes) : undefined;
  return {
    id,
    filename,
    size: file.bytes.length,
    url,
    proxy_url: url,
    content_type: file.contentType,
    ...(typeof entry.description === 'string' ? { description: entry.description } : {}),
    ...(typeof entry.title === 'string' ? { title: entry.title } : {}),
    ...(size ? { width: size.width, height: size.height } : {}),
  };
}

/** Embeds as Discord returns them: typed `rich`, `attachment://` media pointing at the upload. */
function embedsFor(body: Json, attachments: readonly APIAttachment[]): never[] {
  const resolve = (media: unknown): unknown => {
    if (!media || typeof media !== 'object') return media;
    const url = (media as Json).url;
    if (typeof url !== 'string' || !url.startsWith('attachment://')) return media;
    const found = attachments.find((a) => a.filename === url.slice('attachment://'.length));
    if (!found) return media;
    const { width, height, content_type } = found;
    return { url: found.url, proxy_url: found.proxy_url, width, height, content_type, flags: 0 };
  };
  return arr(body.embeds).map((embed) => {
    const out: Json = { type: 'rich', ...embed };
    for (const key of ['image', 'thumbnail'] as const)
      if (key in embed) out[key] = resolve(embed[key]);
    return out as never;
  });
}

function mentionsFor(world: World, body: Json) {
  const content = String(body.content ?? '');
  const allowed = body.allowed_mentions as
    { parse?: string[]; users?: string[]; roles?: string[] } | undefined;
  const may = (kind: 'users' | 'roles', id: string) =>
    !allowed || allowed.parse?.includes(kind) === true || allowed[kind]?.includes(id) === true;
  const userIds = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]!);
  const roleIds = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]!);
  return {
    mentions: [...new Set(userIds)]
      .filter((id) => may('users', id))
      .map((id) => world.users.get(id))
      .filter((u): u is APIUser => u !== undefined),
    mention_roles: [...new Set(roleIds)].filter((id) => may('roles', id)),
    mention_everyone:
      /@(everyone|here)\b/.test(content) &&
      (!allowed || allowed.parse?.includes('everyone') === true),
  };
}
