/** chat.* methods: messages land in the workspace, in threads when `thread_ts` says so. */
import { fail, list, record, str, type Args, type MethodResult, type MethodTable } from './args.js';
import type { FakeMessage, Workspace } from './workspace.js';

function postTarget(ws: Workspace, args: Args): { channel: string } | { error: string } {
  const id = str(args, 'channel');
  if (!id) return { error: 'channel_not_found' };
  const channel = ws.resolveChannel(id);
  if (!channel.is_member) return { error: 'not_in_channel' };
  return { channel: channel.id };
}

function content(args: Args): Pick<FakeMessage, 'text' | 'blocks' | 'attachments'> | undefined {
  const text = str(args, 'text');
  const blocks = list(args, 'blocks');
  const attachments = list(args, 'attachments');
  if (text === undefined && !blocks?.length && !attachments?.length) return undefined;
  return {
    text: text ?? '',
    ...(blocks ? { blocks } : {}),
    ...(attachments ? { attachments } : {}),
  };
}

function metadataOf(args: Args): FakeMessage['metadata'] | undefined {
  const metadata = record(args, 'metadata');
  const eventType = metadata && typeof metadata.event_type === 'string' ? metadata.event_type : '';
  if (!metadata || !eventType) return undefined;
  const payload = record(metadata, 'event_payload') ?? {};
  return { event_type: eventType, event_payload: payload };
}

function postMessage(args: Args, ws: Workspace): MethodResult {
  const target = postTarget(ws, args);
  if ('error' in target) return fail(target.error);
  const body = content(args);
  if (!body) return fail('no_text');
  const threadTs = str(args, 'thread_ts');
  if (threadTs && !ws.findMessage(target.channel, threadTs)) return fail('thread_not_found');
  const metadata = metadataOf(args);
  const message = ws.addMessage({
    type: 'message',
    channel: target.channel,
    ts: ws.nextTs(),
    user: ws.ids.botUserId,
    bot_id: ws.ids.botId,
    app_id: ws.ids.appId,
    team: ws.ids.teamId,
    ...body,
    ...(metadata ? { metadata } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  const { channel, ...shown } = message;
  return { ok: true, channel, ts: message.ts, message: shown };
}

function postEphemeral(args: Args, ws: Workspace): MethodResult {
  const target = postTarget(ws, args);
  if ('error' in target) return fail(target.error);
  const user = str(args, 'user');
  if (!user || !ws.users.has(user)) return fail('user_not_found');
  const body = content(args);
  if (!body) return fail('no_text');
  const messageTs = ws.nextTs();
  ws.ephemerals.push({
    channel: target.channel,
    user,
    message_ts: messageTs,
    text: body.text,
    blocks: body.blocks,
    thread_ts: str(args, 'thread_ts'),
  });
  return { ok: true, message_ts: messageTs };
}

function update(args: Args, ws: Workspace): MethodResult {
  const channel = str(args, 'channel');
  const ts = str(args, 'ts');
  if (!channel) return fail('channel_not_found');
  const message = ts ? ws.findMessage(channel, ts) : undefined;
  if (!message) return fail('message_not_found');
  if (message.user !== ws.ids.botUserId) return fail('cant_update_message');
  const body = content(args);
  if (!body) return fail('no_text');
  message.text = body.text;
  if (body.blocks) message.blocks = body.blocks;
  if (body.attachments) message.attachments = body.attachments;
  const metadata = metadataOf(args);
  if (metadata) message.metadata = metadata;
  message.edited = { user: ws.ids.botUserId, ts: ws.nextTs() };
  const { channel: _channel, ...shown } = message;
  return { ok: true, channel, ts: message.ts, text: message.text, message: shown };
}

function remove(args: Args, ws: Workspace): MethodResult {
  const channel = str(args, 'channel');
  const ts = str(args, 'ts');
  if (!channel || !ts || !ws.removeMessage(channel, ts)) return fail('message_not_found');
  return { ok: true, channel, ts };
}

function getPermalink(args: Args, ws: Workspace): MethodResult {
  const channel = str(args, 'channel');
  const ts = str(args, 'message_ts');
  if (!channel || !ts || !ws.findMessage(channel, ts)) return fail('message_not_found');
  const permalink = `https://${ws.ids.teamDomain}.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
  return { ok: true, channel, permalink };
}

export const chatMethods: MethodTable = {
  'chat.postMessage': { token: 'bot', handle: (args, ctx) => postMessage(args, ctx.ws) },
  'chat.postEphemeral': { token: 'bot', handle: (args, ctx) => postEphemeral(args, ctx.ws) },
  'chat.update': { token: 'bot', handle: (args, ctx) => update(args, ctx.ws) },
  'chat.delete': { token: 'bot', handle: (args, ctx) => remove(args, ctx.ws) },
  'chat.getPermalink': { token: 'bot', handle: (args, ctx) => getPermalink(args, ctx.ws) },
};
