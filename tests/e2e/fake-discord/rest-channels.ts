/**
 * Channels, messages and threads as the bot uses them: read a channel, post (JSON or multipart,
 * `nonce` + `enforce_nonce` deduplication), read history, edit and delete its own messages,
 * start threads from a message or on their own, join threads. Every call is checked against
 * the bot's computed permissions: no View Channel → 50001, otherwise a missing one → 50013.
 */
import { ChannelType, MessageFlags, MessageType, ThreadAutoArchiveDuration } from 'discord.js';
import type { APIThreadChannel } from 'discord.js';
import { Err } from './errors.js';
import { snowflake } from './ids.js';
import { createMessage, editMessage } from './messages.js';
import { buildThread } from './payloads.js';
import { P, has } from './permissions.js';
import {
  noContent,
  ok,
  type Json,
  type Route,
  type RouteContext,
  type RouteResult,
} from './route.js';
import type { ChannelState, World } from './state.js';
import { checkMessage } from './validate.js';

/** The bot's permissions in a channel, after the View Channel gate (DMs: only closed DMs fail). */
function access(world: World, channelId: string): { channel: ChannelState; perms: bigint } {
  const channel = world.requireChannel(channelId);
  const perms = world.permissionsIn(channelId, world.bot.id);
  if (channel.guildId !== null && !has(perms, P.ViewChannel)) throw Err.missingAccess();
  return { channel, perms };
}

function need(perms: bigint, flag: bigint): void {
  if (!has(perms, flag)) throw Err.missingPermissions();
}

function postMessage(ctx: RouteContext): RouteResult {
  const { world } = ctx;
  const { channel, perms } = access(world, ctx.params.channelId!);
  if (channel.guildId === null) {
    const recipient =
      channel.json.type === ChannelType.DM ? channel.json.recipients?.[0]?.id : undefined;
    if (recipient && world.dmsClosed.has(recipient)) throw Err.cannotDm();
  } else {
    need(perms, world.isThread(channel) ? P.SendMessagesInThreads : P.SendMessages);
    if (ctx.files.length > 0) need(perms, P.AttachFiles);
    if (ctx.json.message_reference) need(perms, P.ReadMessageHistory);
  }
  checkMessage(ctx.json, ctx.files, { at: '', creating: true });
  const nonceKey = `${channel.json.id}:${world.bot.id}:${String(ctx.json.nonce)}`;
  if (ctx.json.enforce_nonce === true && ctx.json.nonce !== undefined) {
    const seen = world.nonces.get(nonceKey);
    const previous = seen && world.messages.get(seen.messageId);
    if (
      seen &&
      previous &&
      !previous.deleted &&
      Date.now() - seen.at < world.options.nonceWindowMs
    ) {
      return ok(previous.json);
    }
  }
  // Without Embed Links a bot's embeds are not shown; the message itself still goes out.
  const body = has(perms, P.EmbedLinks) ? ctx.json : { ...ctx.json, embeds: [] };
  const reference = resolveReference(world, channel, body);
  const state = createMessage(world, {
    channelId: channel.json.id,
    body,
    files: ctx.files,
    author: world.bot,
    visibleTo: null,
  });
  if (reference) {
    state.json.type = MessageType.Reply;
    state.json.message_reference = {
      type: 0,
      channel_id: channel.json.id,
      message_id: reference.id,
      ...(channel.guildId ? { guild_id: channel.guildId } : {}),
    };
    state.json.referenced_message = reference;
  }
  if (ctx.json.nonce !== undefined)
    world.nonces.set(nonceKey, { messageId: state.json.id, at: Date.now() });
  if (world.isThread(channel)) {
    channel.json.message_count = (channel.json.message_count ?? 0) + 1;
    channel.json.total_message_sent = (channel.json.total_message_sent ?? 0) + 1;
  }
  return ok(state.json);
}

function resolveReference(world: World, channel: ChannelState, body: Json) {
  const ref = body.message_reference as
    { message_id?: string; fail_if_not_exists?: boolean } | undefined;
  if (!ref?.message_id) return undefined;
  const found = world.messages.get(ref.message_id);
  if (found && !found.deleted && found.channelId === channel.json.id) return found.json;
  if (ref.fail_if_not_exists === false) return undefined;
  throw Err.invalidForm([
    {
      path: 'message_reference',
      code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE',
      message: 'Unknown message',
    },
  ]);
}

function listMessages(ctx: RouteContext): RouteResult {
  const { perms } = access(ctx.world, ctx.params.channelId!);
  if (ctx.world.requireChannel(ctx.params.channelId!).guildId !== null)
    need(perms, P.ReadMessageHistory);
  const limit = Math.min(100, Math.max(1, Number(ctx.query.get('limit') ?? 50)));
  const before = ctx.query.get('before');
  const after = ctx.query.get('after');
  let list = ctx.world.channelMessages(ctx.params.channelId!);
  if (before) list = list.filter((m) => BigInt(m.id) < BigInt(before));
  if (after) list = list.filter((m) => BigInt(m.id) > BigInt(after));
  const newestFirst = [...list].reverse();
  return ok(after ? newestFirst.slice(-limit) : newestFirst.slice(0, limit));
}

function editOwn(ctx: RouteContext): RouteResult {
  access(ctx.world, ctx.params.channelId!);
  const message = ctx.world.requireMessage(ctx.params.channelId!, ctx.params.messageId!);
  if (message.json.author.id !== ctx.world.bot.id) throw Err.notOwnMessage();
  const existing = new Set(message.json.attachments.map((a) => a.id));
  checkMessage(ctx.json, ctx.files, { at: '', creating: false, existingAttachmentIds: existing });
  return ok(editMessage(ctx.world, message, ctx.json, ctx.files));
}

function deleteMessage(ctx: RouteContext): RouteResult {
  const { perms } = access(ctx.world, ctx.params.channelId!);
  const message = ctx.world.requireMessage(ctx.params.channelId!, ctx.params.messageId!);
  if (message.json.author.id !== ctx.world.bot.id) need(perms, P.ManageMessages);
  message.deleted = true;
  return noContent();
}

const DURATIONS = new Set<number>([60, 1440, 4320, 10080]);

function threadFields(ctx: RouteContext): {
  name: string;
  autoArchiveDuration: ThreadAutoArchiveDuration;
} {
  const name = String(ctx.json.name ?? '');
  const duration = Number(ctx.json.auto_archive_duration ?? ThreadAutoArchiveDuration.OneDay);
  const problems = [];
  if (name.length < 1 || name.length > 100) {
    problems.push({
      path: 'name',
      code: 'BASE_TYPE_BAD_LENGTH',
      message: 'Must be between 1 and 100 in length.',
    });
  }
  if (!DURATIONS.has(duration)) {
    problems.push({
      path: 'auto_archive_duration',
      code: 'BASE_TYPE_CHOICES',
      message: 'Value must be one of {60, 1440, 4320, 10080}.',
    });
  }
  if (problems.length > 0) throw Err.invalidForm(problems);
  return { name, autoArchiveDuration: duration as ThreadAutoArchiveDuration };
}

function addThread(
  ctx: RouteContext,
  parent: ChannelState,
  id: string,
  type: ChannelType.PublicThread | ChannelType.PrivateThread,
): APIThreadChannel {
  const json = buildThread({
    id,
    guildId: parent.guildId!,
    parentId: parent.json.id,
    ownerId: ctx.world.bot.id,
    type,
    createdAt: Date.now(),
    ...threadFields(ctx),
    ...(ctx.json.rate_limit_per_user !== undefined
      ? { rateLimitPerUser: Number(ctx.json.rate_limit_per_user) }
      : {}),
  });
  ctx.world.channels.set(id, { json, guildId: parent.guildId, messageIds: [] });
  ctx.gateway.dispatch(
    'THREAD_CREATE',
    { ...json, newly_created: true },
    { guildId: parent.guildId, needsGuildsIntent: true },
  );
  return json;
}

function threadParent(ctx: RouteContext): { parent: ChannelState; perms: bigint } {
  const { channel, perms } = access(ctx.world, ctx.params.channelId!);
  if (channel.json.type !== ChannelType.GuildText) {
    throw Err.wrongChannelType();
  }
  return { parent: channel, perms };
}

function startThreadFromMessage(ctx: RouteContext): RouteResult {
  const { parent, perms } = threadParent(ctx);
  need(perms, P.CreatePublicThreads);
  const message = ctx.world.requireMessage(parent.json.id, ctx.params.messageId!);
  if (ctx.world.channels.has(message.json.id)) throw Err.threadExists();
  // A thread started from a message takes the message's id.
  const thread = addThread(ctx, parent, message.json.id, ChannelType.PublicThread);
  message.json.thread = thread;
  message.json.flags = ((message.json.flags ?? 0) | MessageFlags.HasThread) as MessageFlags;
  return ok(thread, 201);
}

function startThread(ctx: RouteContext): RouteResult {
  const { parent, perms } = threadParent(ctx);
  const type = Number(ctx.json.type);
  if (type !== ChannelType.PublicThread && type !== ChannelType.PrivateThread) {
    throw Err.invalidForm([
      { path: 'type', code: 'BASE_TYPE_REQUIRED', message: 'This field is required' },
    ]);
  }
  need(perms, type === ChannelType.PublicThread ? P.CreatePublicThreads : P.CreatePrivateThreads);
  const thread = addThread(ctx, parent, snowflake(), type);
  if (type === ChannelType.PublicThread) {
    const notice = createMessage(ctx.world, {
      channelId: parent.json.id,
      body: { content: thread.name },
      files: [],
      author: ctx.world.bot,
      visibleTo: null,
    });
    notice.json.type = MessageType.ThreadCreated;
    notice.json.message_reference = { type: 0, channel_id: thread.id, guild_id: parent.guildId! };
  }
  return ok(thread, 201);
}

export const channelRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/channels/:channelId',
    auth: 'bot',
    handle: (ctx) => ok(access(ctx.world, ctx.params.channelId!).channel.json),
  },
  { method: 'GET', pattern: '/channels/:channelId/messages', auth: 'bot', handle: listMessages },
  { method: 'POST', pattern: '/channels/:channelId/messages', auth: 'bot', handle: postMessage },
  {
    method: 'GET',
    pattern: '/channels/:channelId/messages/:messageId',
    auth: 'bot',
    handle: (ctx) => {
      const { perms, channel } = access(ctx.world, ctx.params.channelId!);
      if (channel.guildId !== null) need(perms, P.ReadMessageHistory);
      return ok(ctx.world.requireMessage(ctx.params.channelId!, ctx.params.messageId!).json);
    },
  },
  {
    method: 'PATCH',
    pattern: '/channels/:channelId/messages/:messageId',
    auth: 'bot',
    handle: editOwn,
  },
  {
    method: 'DELETE',
    pattern: '/channels/:channelId/messages/:messageId',
    auth: 'bot',
    handle: deleteMessage,
  },
  {
    method: 'POST',
    pattern: '/channels/:channelId/messages/:messageId/threads',
    auth: 'bot',
    handle: startThreadFromMessage,
  },
  { method: 'POST', pattern: '/channels/:channelId/threads', auth: 'bot', handle: startThread },
  {
    method: 'PUT',
    pattern: '/channels/:channelId/thread-members/@me',
    auth: 'bot',
    handle: (ctx) => {
      const { channel } = access(ctx.world, ctx.params.channelId!);
      if (!ctx.world.isThread(channel)) throw Err.unknownChannel();
      return noContent();
    },
  },
];
