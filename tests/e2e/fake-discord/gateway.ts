/**
 * The gateway websocket, v10 JSON without compression: HELLO, IDENTIFY → READY + GUILD_CREATE
 * per guild on the shard, heartbeats and ACKs, RESUME with replay, sequence numbers, Discord's
 * close codes for protocol mistakes, and `dispatch()` for events the tests push (interactions,
 * THREAD_CREATE). Sessions closed with 1000/1001 end; other closes stay resumable.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayIntentBits, GatewayOpcodes } from 'discord.js';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { sessionId } from './ids.js';
import { buildGuildCreate } from './payloads.js';
import type { World } from './state.js';

type Json = Record<string, unknown>;

export interface GatewayConfig {
  heartbeatIntervalMs: number;
  /** Privileged intents the application has been granted in the developer portal. */
  privilegedIntents: number;
  resumeUrl: string;
}

export interface SessionInfo {
  id: string;
  shard: [number, number];
  intents: number;
  identify: Json;
  heartbeats: number;
  resumes: number;
  connected: boolean;
  ended: boolean;
  seq: number;
  /** The path of the latest websocket connection (resumes use `resume_gateway_url`). */
  path: string;
  closeCodes: number[];
}

interface Dispatched {
  s: number;
  t: string;
  d: unknown;
}

class Session {
  ws: WebSocket | null;
  seq = 0;
  readonly log: Dispatched[] = [];
  readonly info: SessionInfo;

  constructor(ws: WebSocket, identify: Json, shard: [number, number], path: string) {
    this.ws = ws;
    this.info = {
      id: sessionId(),
      shard,
      intents: Number(identify.intents),
      identify,
      heartbeats: 0,
      resumes: 0,
      connected: true,
      ended: false,
      seq: 0,
      path,
      closeCodes: [],
    };
  }

  send(t: string, d: unknown): void {
    this.seq += 1;
    this.info.seq = this.seq;
    const event = { s: this.seq, t, d };
    this.log.push(event);
    if (this.log.length > 1000) this.log.shift();
    this.ws?.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...event }));
  }
}

const PRIVILEGED =
  GatewayIntentBits.GuildMembers |
  GatewayIntentBits.GuildPresences |
  GatewayIntentBits.MessageContent;
const TRACE = ['["gateway-prd-fake-1",{"micros":100,"calls":[]}]'];

function refuse(ws: WebSocket, code: number, reason: string): null {
  ws.close(code, reason);
  return null;
}

/** Which shard Discord routes a guild's events to. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly all: Session[] = [];
  private readonly connections = new Set<WebSocket>();

  constructor(
    private readonly world: World,
    private readonly config: GatewayConfig,
    private readonly notify: () => void,
  ) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, url));
  }

  private accept(ws: WebSocket, url: URL): void {
    this.connections.add(ws);
    const conn: { session: Session | null } = { session: null };
    ws.on('close', (code) => this.onClose(ws, conn.session, code));
    ws.on('error', () => undefined);
    const v = url.searchParams.get('v');
    if (v !== '10') return void ws.close(4012, 'Invalid API version.');
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json') {
      return void ws.close(4002, 'fake discord speaks encoding=json only.');
    }
    if (url.searchParams.has('compress')) {
      return void ws.close(4000, 'fake discord does not support transport compression.');
    }
    const hello = { heartbeat_interval: this.config.heartbeatIntervalMs, _trace: TRACE };
    ws.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: hello, s: null, t: null }));
    ws.on('message', (raw) => this.onMessage(ws, url.pathname, conn, raw));
  }

  private onMessage(
    ws: WebSocket,
    path: string,
    conn: { session: Session | null },
    raw: RawData,
  ): void {
    let payload: { op?: number; d?: unknown };
    try {
      payload = JSON.parse(raw.toString()) as typeof payload;
    } catch {
      return void ws.close(4002, 'Error while decoding payload.');
    }
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        if (conn.session) conn.session.info.heartbeats += 1;
        ws.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null }));
        break;
      case GatewayOpcodes.Identify:
        if (conn.session) return void ws.close(4005, 'Already authenticated.');
        conn.session = this.identify(ws, path, (payload.d ?? {}) as Json);
        break;
      case GatewayOpcodes.Resume:
        if (conn.session) return void ws.close(4005, 'Already authenticated.');
        conn.session = this.resume(ws, path, (payload.d ?? {}) as Json);
        break;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!conn.session) return void ws.close(4003, 'Not authenticated.');
        break;
      default:
        ws.close(4001, 'Unknown opcode.');
    }
    this.notify();
  }

  private identify(ws: WebSocket, path: string, d: Json): Session | null {
    if (d.token !== this.world.options.token) return refuse(ws, 4004, 'Authentication failed.');
    const intents = Number(d.intents);
    if (!Number.isInteger(intents) || intents < 0) return refuse(ws, 4013, 'Invalid intent(s).');
    if (intents & PRIVILEGED & ~this.config.privilegedIntents) {
      return refuse(ws, 4014, 'Disallowed intent(s).');
    }
    const shard = (Array.isArray(d.shard) ? d.shard : [0, 1]) as [number, number];
    if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) {
      return refuse(ws, 4010, 'Invalid shard.');
    }
    const session = new Session(ws, d, shard, path);
    this.all.push(session);
    const guilds = [...this.world.guilds.values()].filter(
      (g) => shardOf(g.id, shard[1]) === shard[0],
    );
    const bot = this.world.bot;
    session.send('READY', {
      v: 10,
      user_settings: {},
      user: { ...bot, verified: true, mfa_enabled: false, email: null, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.info.id,
      session_type: 'normal',
      resume_gateway_url: this.config.resumeUrl,
      shard,
      application: {
        id: this.world.options.applicationId,
        flags: applicationFlags(this.config.privilegedIntents),
      },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['hongkong', 'singapore', 'japan', 'india', 'sydney'],
      auth: {},
      _trace: TRACE,
    });
    for (const guild of guilds) session.send('GUILD_CREATE', this.guildCreate(guild.id));
    return session;
  }

  private resume(ws: WebSocket, path: string, d: Json): Session | null {
    const session = this.all.find((s) => s.info.id === d.session_id && !s.info.ended);
    if (!session || d.token !== this.world.options.token) {
      ws.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null }));
      return null;
    }
    session.ws = ws;
    session.info.connected = true;
    session.info.resumes += 1;
    session.info.path = path;
    const from = Number(d.seq ?? 0);
    for (const event of session.log.filter((e) => e.s > from)) {
      ws.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...event }));
    }
    session.send('RESUMED', { _trace: TRACE });
    return session;
  }

  /** GUILD_CREATE for a guild as it is now (text channels, active threads, the bot's member). */
  guildCreate(guildId: string) {
    const guild = this.world.requireGuild(guildId);
    const channels = this.world.guildChannels(guildId);
    const threads = channels.filter((c) => this.world.isThread(c)).map((c) => c.json);
    const texts = channels.filter((c) => !this.world.isThread(c)).map((c) => c.json);
    return buildGuildCreate({
      id: guild.id,
      name: guild.name,
      ownerId: guild.ownerId,
      applicationId: this.world.options.applicationId,
      preferredLocale: guild.preferredLocale,
      joinedAt: guild.joinedAt,
      roles: [...guild.roles.values()],
      channels: texts as never,
      threads: threads as never,
      botMember: guild.members.get(this.world.bot.id)!,
      memberCount: guild.members.size + 1,
      systemChannelId: texts[0]?.id ?? null,
    });
  }

  private onClose(ws: WebSocket, session: Session | null, code: number): void {
    this.connections.delete(ws);
    if (session && session.ws === ws) {
      session.ws = null;
      session.info.connected = false;
      session.info.closeCodes.push(code);
      // Discord invalidates a session closed with 1000 or 1001; any other close can resume.
      if (code === 1000 || code === 1001) session.info.ended = true;
    }
    this.notify();
  }

  /**
   * Sends a dispatch to every live session that would receive it: the guild's shard (DMs go to
   * shard 0), and for guild events other than interactions, sessions with the Guilds intent.
   * Disconnected but resumable sessions buffer it for replay. Returns how many sessions got it.
   */
  dispatch(
    t: string,
    d: unknown,
    target: { guildId: string | null; needsGuildsIntent?: boolean },
  ): number {
    const receivers = this.all.filter((s) => {
      if (s.info.ended) return false;
      const [id, count] = s.info.shard;
      const shard = target.guildId === null ? 0 : shardOf(target.guildId, count);
      if (shard !== id) return false;
      return !target.needsGuildsIntent || (s.info.intents & GatewayIntentBits.Guilds) !== 0;
    });
    for (const session of receivers) session.send(t, d);
    return receivers.filter((s) => s.info.connected).length;
  }

  sessions(): SessionInfo[] {
    return this.all.map((s) => s.info);
  }

  /** Op 7: asks every connected session (or one) to reconnect and resume. */
  requestReconnect(sessionIdToAsk?: string): void {
    for (const s of this.all) {
      if (s.ws && (!sessionIdToAsk || s.info.id === sessionIdToAsk)) {
        s.ws.send(JSON.stringify({ op: GatewayOpcodes.Reconnect, d: null, s: null, t: null }));
      }
    }
  }

  async close(): Promise<void> {
    for (const ws of this.connections) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

/** READY's application flags: the "limited" flag for each privileged intent granted. */
function applicationFlags(privileged: number): number {
  let flags = 0;
  if (privileged & GatewayIntentBits.GuildPresences) flags |= 1 << 13;
  if (privileged & GatewayIntentBits.GuildMembers) flags |= 1 << 15;
  if (privileged & GatewayIntentBits.MessageContent) flags |= 1 << 19;
  return flags;
}
