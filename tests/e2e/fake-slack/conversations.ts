/** users.* and conversations.*: who is who, DM channels, and reading back what was posted. */
import { bool, fail, num, str, type Args, type MethodResult, type MethodTable } from './args.js';
import type { FakeChannel, FakeMessage, FakeUserInput, Workspace } from './workspace.js';

/** Seconds east of UTC for an IANA zone at the current instant, as users.info reports. */
function tzOffset(tz: string): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

function tzLabel(tz: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName')?.value;
  return part ?? tz;
}

function userObject(user: FakeUserInput, ws: Workspace): Record<string, unknown> {
  const tz = user.tz ?? 'America/Los_Angeles';
  const realName = user.real_name ?? user.name;
  return {
    id: user.id,
    team_id: ws.ids.teamId,
    name: user.name,
    real_name: realName,
    deleted: false,
    is_admin: user.is_admin ?? false,
    is_owner: user.is_owner ?? false,
    is_primary_owner: user.is_primary_owner ?? false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: user.is_bot ?? false,
    is_app_user: false,
    tz,
    tz_label: tzLabel(tz),
    tz_offset: tzOffset(tz),
    ...(user.locale ? { locale: user.locale } : {}),
    profile: { real_name: realName, display_name: user.name, team: ws.ids.teamId },
  };
}

function channelObject(channel: FakeChannel): Record<string, unknown> {
  if (channel.is_im) {
    return { id: channel.id, is_im: true, is_org_shared: false, user: channel.user, is_open: true };
  }
  return {
    id: channel.id,
    name: channel.name ?? channel.id.toLowerCase(),
    is_channel: !channel.is_private,
    is_group: channel.is_private,
    is_im: false,
    is_private: channel.is_private,
    is_archived: false,
    is_member: channel.is_member,
  };
}

/** What history/replies show of a message: metadata only when asked for, as Slack does. */
function shown(message: FakeMessage, withMetadata: boolean): Record<string, unknown> {
  const { channel: _channel, metadata, ...rest } = message;
  return withMetadata && metadata ? { ...rest, metadata } : rest;
}

function inRange(ts: string, args: Args): boolean {
  const t = Number(ts);
  const oldest = num(args, 'oldest');
  const latest = num(args, 'latest');
  const inclusive = bool(args, 'inclusive');
  if (oldest !== undefined && (inclusive ? t < oldest : t <= oldest)) return false;
  if (latest !== undefined && (inclusive ? t > latest : t >= latest)) return false;
  return true;
}

/** One page; the cursor is the offset, which is all a fake needs. */
function page<T>(items: T[], args: Args): { items: T[]; next: string } {
  const limit = Math.min(num(args, 'limit') ?? 100, 1000);
  const offset = Number(str(args, 'cursor') ?? '0') || 0;
  const slice = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? String(offset + limit) : '';
  return { items: slice, next };
}

function history(args: Args, ws: Workspace): MethodResult {
  const id = str(args, 'channel');
  const channel = id ? ws.channels.get(id) : undefined;
  if (!channel) return fail('channel_not_found');
  if (!channel.is_member) return fail('not_in_channel');
  const topLevel = ws
    .messages(channel.id)
    .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts)
    .filter((m) => inRange(m.ts, args))
    .reverse();
  const { items, next } = page(topLevel, args);
  const withMetadata = bool(args, 'include_all_metadata');
  return {
    ok: true,
    messages: items.map((m) => shown(m, withMetadata)),
    has_more: next !== '',
    response_metadata: { next_cursor: next },
  };
}

function replies(args: Args, ws: Workspace): MethodResult {
  const id = str(args, 'channel');
  const ts = str(args, 'ts');
  if (!id || !ws.channels.has(id)) return fail('channel_not_found');
  const thread = ts ? ws.thread(id, ts) : [];
  if (thread.length === 0) return fail('thread_not_found');
  const { items, next } = page(
    thread.filter((m) => inRange(m.ts, args)),
    args,
  );
  const withMetadata = bool(args, 'include_all_metadata');
  return {
    ok: true,
    messages: items.map((m) => shown(m, withMetadata)),
    has_more: next !== '',
    response_metadata: { next_cursor: next },
  };
}

function open(args: Args, ws: Workspace): MethodResult {
  const existing = str(args, 'channel');
  if (existing) {
    const channel = ws.channels.get(existing);
    return channel ? { ok: true, channel: { id: channel.id } } : fail('channel_not_found');
  }
  const users = (str(args, 'users') ?? '').split(',').filter(Boolean);
  if (users.length !== 1)
    return fail(users.length === 0 ? 'users_list_not_supplied' : 'not_supported');
  const [userId] = users;
  if (!userId || !ws.users.has(userId)) return fail('user_not_found');
  const channel = ws.dmWith(userId);
  return {
    ok: true,
    channel: bool(args, 'return_im') ? channelObject(channel) : { id: channel.id },
  };
}

export const conversationMethods: MethodTable = {
  'users.info': {
    token: 'bot',
    handle: (args, { ws }) => {
      const user = ws.users.get(str(args, 'user') ?? '');
      return user ? { ok: true, user: userObject(user, ws) } : fail('user_not_found');
    },
  },
  'conversations.open': { token: 'bot', handle: (args, { ws }) => open(args, ws) },
  'conversations.info': {
    token: 'bot',
    handle: (args, { ws }) => {
      const channel = ws.channels.get(str(args, 'channel') ?? '');
      return channel ? { ok: true, channel: channelObject(channel) } : fail('channel_not_found');
    },
  },
  'conversations.history': { token: 'bot', handle: (args, { ws }) => history(args, ws) },
  'conversations.replies': { token: 'bot', handle: (args, { ws }) => replies(args, ws) },
};
