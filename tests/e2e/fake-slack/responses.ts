/**
 * The response_url sink. Every POST is recorded; the ones the fake issued also act on the
 * workspace like Slack: `in_channel` posts to the channel, `replace_original` / `delete_original`
 * change the clicked message, anything else becomes an ephemeral for the person who asked.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bool, list, str } from './args.js';
import { decodeBody } from './body.js';
import type { Recorder } from './recorder.js';
import type { Workspace } from './workspace.js';

/** What a response_url stands for: who asked, where, and (for actions) which message. */
export interface IssuedResponseUrl {
  channel: string;
  user: string;
  messageTs: string | undefined;
}

export class ResponseUrls {
  private readonly issued = new Map<string, IssuedResponseUrl>();

  constructor(private readonly env: { ws: Workspace; rec: Recorder }) {}

  issue(url: string, target: IssuedResponseUrl): void {
    this.issued.set(new URL(url).pathname, target);
  }

  async receive(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const body = await decodeBody(req);
    const { rec } = this.env;
    rec.push(rec.responses, {
      seq: rec.nextSeq(),
      path,
      body: body.args,
      contentType: body.contentType,
    });
    const target = this.issued.get(path);
    if (target) this.apply(target, body.args);
    res.writeHead(200, { 'content-type': 'text/html' }).end('ok');
  }

  private apply(target: IssuedResponseUrl, args: Record<string, unknown>): void {
    const { ws } = this.env;
    const original = target.messageTs
      ? ws.findMessage(target.channel, target.messageTs)
      : undefined;
    if (original && bool(args, 'delete_original')) {
      ws.removeMessage(target.channel, original.ts);
      return;
    }
    const text = str(args, 'text') ?? '';
    const blocks = list(args, 'blocks');
    if (original && bool(args, 'replace_original')) {
      original.text = text;
      if (blocks) original.blocks = blocks;
      return;
    }
    if (str(args, 'response_type') === 'in_channel') {
      ws.addMessage({
        type: 'message',
        channel: target.channel,
        ts: ws.nextTs(),
        user: ws.ids.botUserId,
        bot_id: ws.ids.botId,
        app_id: ws.ids.appId,
        team: ws.ids.teamId,
        text,
        ...(blocks ? { blocks } : {}),
        ...(str(args, 'thread_ts') ? { thread_ts: str(args, 'thread_ts') } : {}),
      });
      return;
    }
    ws.ephemerals.push({
      channel: target.channel,
      user: target.user,
      message_ts: ws.nextTs(),
      text,
      blocks,
      thread_ts: str(args, 'thread_ts'),
    });
  }
}
