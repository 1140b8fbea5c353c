/**
 * The fake workspace's state: who is in it, which channels exist, and every message, file and
 * view the app created. Method handlers read and change it; tests read it through `FakeSlack`.
 */
import type { Buffer } from 'node:buffer';

export interface FakeUserInput {
  id: string;
  name: string;
  real_name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  is_bot?: boolean;
  tz?: string;
  locale?: string;
}

export interface FakeChannelInput {
  id: string;
  name?: string;
  is_private?: boolean;
  /** false: the bot is not a member, so posting answers `not_in_channel`. Default true. */
  is_member?: boolean;
}

export interface Identity {
  teamId: string;
  teamDomain: string;
  teamName: string;
  enterpriseId: string | undefined;
  appId: string;
  botUserId: string;
  botId: string;
  botName: string;
}

export interface FakeChannel {
  id: string;
  name: string | undefined;
  is_private: boolean;
  is_im: boolean;
  /** The other person of a DM. */
  user: string | undefined;
  is_member: boolean;
}

export interface FakeMessage {
  type: 'message';
  channel: string;
  ts: string;
  user: string;
  bot_id?: string;
  app_id?: string;
  team: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  thread_ts?: string;
  reply_count?: number;
  latest_reply?: string;
  files?: Record<string, unknown>[];
  edited?: { user: string; ts: string };
  subtype?: string;
}

export interface FakeEphemeral {
  channel: string;
  user: string;
  message_ts: string;
  text: string;
  blocks: unknown[] | undefined;
  thread_ts: string | undefined;
}

export interface FakeFile {
  id: string;
  name: string;
  title: string;
  alt_text: string | undefined;
  declaredLength: number;
  bytes: Buffer | undefined;
  completed: boolean;
  channels: string[];
  created: number;
}

export interface StoredView {
  id: string;
  view: Record<string, unknown>;
  userId: string | undefined;
  hash: string;
}

export class Workspace {
  readonly users = new Map<string, FakeUserInput>();
  readonly channels = new Map<string, FakeChannel>();
  readonly ephemerals: FakeEphemeral[] = [];
  readonly files = new Map<string, FakeFile>();
  readonly views = new Map<string, StoredView>();
  /** user id → id of the published App Home view. */
  readonly homeViews = new Map<string, string>();
  private readonly messagesByChannel = new Map<string, FakeMessage[]>();
  private readonly counters = new Map<string, number>();
  private lastTs = 0;

  constructor(
    readonly ids: Identity,
    users: FakeUserInput[],
    channels: FakeChannelInput[],
  ) {
    this.users.set(ids.botUserId, { id: ids.botUserId, name: ids.botName, is_bot: true });
    for (const user of users) this.users.set(user.id, user);
    for (const c of channels) {
      this.channels.set(c.id, {
        id: c.id,
        name: c.name,
        is_private: c.is_private ?? false,
        is_im: false,
        user: undefined,
        is_member: c.is_member ?? true,
      });
    }
  }

  /** Slack-shaped, strictly increasing message timestamps ("1700000000.000123"). */
  nextTs(): string {
    const micros = Math.max(Date.now() * 1000, this.lastTs + 1);
    this.lastTs = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  /** Ids such as F0000001, V0000002: a prefix and a per-prefix counter. */
  nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${String(n).padStart(7, '0')}`;
  }

  /** The DM channel with a user, created on first use (as `conversations.open` does). */
  dmWith(userId: string): FakeChannel {
    const id = `D${userId.replace(/^[UW]/, '')}`;
    let channel = this.channels.get(id);
    if (!channel) {
      channel = {
        id,
        name: undefined,
        is_private: true,
        is_im: true,
        user: userId,
        is_member: true,
      };
      this.channels.set(id, channel);
    }
    return channel;
  }

  /**
   * The channel a post goes to. A user id means their DM (as in Slack); an id not configured is
   * created on the spot, so tests only declare channels whose details matter.
   */
  resolveChannel(idOrUser: string): FakeChannel {
    if (/^[UW]/.test(idOrUser)) return this.dmWith(idOrUser);
    let channel = this.channels.get(idOrUser);
    if (!channel) {
      channel = {
        id: idOrUser,
        name: undefined,
        is_private: idOrUser.startsWith('G'),
        is_im: idOrUser.startsWith('D'),
        user: undefined,
        is_member: true,
      };
      this.channels.set(idOrUser, channel);
    }
    return channel;
  }

  /** Every message of a channel, thread replies included, oldest first. */
  messages(channel: string): FakeMessage[] {
    return this.messagesByChannel.get(channel) ?? [];
  }

  findMessage(channel: string, ts: string): FakeMessage | undefined {
    return this.messages(channel).find((m) => m.ts === ts);
  }

  /** The parent and its replies, oldest first (what `conversations.replies` answers). */
  thread(channel: string, threadTs: string): FakeMessage[] {
    return this.messages(channel).filter((m) => m.ts === threadTs || m.thread_ts === threadTs);
  }

  addMessage(message: FakeMessage): FakeMessage {
    const list = this.messagesByChannel.get(message.channel) ?? [];
    list.push(message);
    this.messagesByChannel.set(message.channel, list);
    if (message.thread_ts !== undefined && message.thread_ts !== message.ts) {
      const parent = this.findMessage(message.channel, message.thread_ts);
      if (parent) {
        parent.thread_ts = parent.ts;
        parent.reply_count = (parent.reply_count ?? 0) + 1;
        parent.latest_reply = message.ts;
      }
    }
    return message;
  }

  removeMessage(channel: string, ts: string): boolean {
    const list = this.messages(channel);
    const index = list.findIndex((m) => m.ts === ts);
    if (index < 0) return false;
    list.splice(index, 1);
    return true;
  }
}
