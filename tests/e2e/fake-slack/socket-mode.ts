/**
 * Socket Mode: `apps.connections.open` hands out ws://127.0.0.1:PORT/link/?ticket=…; a client that
 * connects with a valid ticket gets `hello`, then envelopes
 * `{ envelope_id, type, payload, accepts_response_payload }`, and answers each with an ack
 * `{ envelope_id, payload? }`. `disconnect` asks the client to reconnect, as Slack does on refresh.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { isRecord } from './body.js';
import type { EnvelopeRecord, Recorder } from './recorder.js';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface DispatchOptions {
  /** Default: true for slash commands and view submissions, false otherwise (as Slack sends). */
  acceptsResponsePayload?: boolean;
  /** ms to wait for the ack (default 5000). */
  timeoutMs?: number;
  /** events_api only: a redelivery. */
  retryAttempt?: number;
  retryReason?: string;
}

/** What the app sent back for an envelope. Bolt sends `payload: {}` for a bare `ack()`. */
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

interface Pending {
  record: EnvelopeRecord;
  resolve: (ack: SocketAck) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class SocketModeHub {
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private readonly tickets = new Set<string>();
  private readonly sockets: WebSocket[] = [];
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly env: { wsBase: string; appId: string; rec: Recorder }) {}

  /** A fresh URL with a one-use ticket (what `apps.connections.open` answers). */
  issueUrl(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${this.env.wsBase}/link/?ticket=${ticket}&app_id=${this.env.appId}`;
  }

  /** Takes an HTTP upgrade for /link/; refuses an unknown or reused ticket. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/link/' || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
  }

  /** Open connections (Bolt keeps one). */
  connections(): number {
    return this.sockets.filter((s) => s.readyState === WebSocket.OPEN).length;
  }

  waitForConnection(timeoutMs = 5000): Promise<true> {
    return this.env.rec.waitFor(() => this.connections() > 0, {
      timeoutMs,
      what: 'a Socket Mode connection',
    });
  }

  waitForNoConnections(timeoutMs = 5000): Promise<true> {
    return this.env.rec.waitFor(() => this.sockets.length === 0, {
      timeoutMs,
      what: 'every Socket Mode connection to close',
    });
  }

  /** Delivers one envelope on the newest connection; resolves with the app's ack. */
  dispatch(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    options: DispatchOptions = {},
  ): Promise<SocketAck> {
    const socket = [...this.sockets].reverse().find((s) => s.readyState === WebSocket.OPEN);
    if (!socket) return Promise.reject(new Error('fake slack: no open Socket Mode connection'));
    const envelopeId = randomUUID();
    const accepts =
      options.acceptsResponsePayload ??
      (type === 'slash_commands' || payload.type === 'view_submission');
    const envelope: Record<string, unknown> = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: accepts,
      ...(type === 'events_api'
        ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryReason ?? '' }
        : {}),
    };
    const { rec } = this.env;
    const record = rec.push(rec.envelopes, {
      seq: rec.nextSeq(),
      envelopeId,
      type,
      payload,
      ack: undefined,
    });
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(new Error(`fake slack: no ack for ${type} envelope within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(envelopeId, { record, resolve, reject, timer });
      socket.send(JSON.stringify(envelope));
    });
  }

  /** Sends Slack's `disconnect` message to every connection (the client should reconnect). */
  sendDisconnect(
    reason: 'refresh_requested' | 'warning' | 'link_disabled' = 'refresh_requested',
  ): void {
    const message = JSON.stringify({
      type: 'disconnect',
      reason,
      debug_info: { host: 'applink-fake' },
    });
    for (const socket of this.sockets) socket.send(message);
  }

  async close(): Promise<void> {
    for (const [, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error('fake slack: closed before the ack arrived'));
    }
    this.pending.clear();
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    this.sockets.push(ws);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) this.onMessage(data.toString());
    });
    ws.on('close', () => {
      const index = this.sockets.indexOf(ws);
      if (index >= 0) this.sockets.splice(index, 1);
      this.env.rec.changed();
    });
    ws.on('error', () => ws.terminate());
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.connections(),
        debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.env.appId },
      }),
    );
    this.env.rec.changed();
  }

  private onMessage(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (!isRecord(message) || typeof message.envelope_id !== 'string') return;
    const pending = this.pending.get(message.envelope_id);
    if (!pending) return;
    this.pending.delete(message.envelope_id);
    clearTimeout(pending.timer);
    const ack: SocketAck = { envelope_id: message.envelope_id };
    if ('payload' in message) ack.payload = message.payload;
    pending.record.ack = { seq: this.env.rec.nextSeq(), payload: ack.payload };
    this.env.rec.changed();
    pending.resolve(ack);
  }
}
