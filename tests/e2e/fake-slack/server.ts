/**
 * startFakeSlack(): a Slack stand-in on 127.0.0.1 for end-to-end tests of the real Bolt app.
 *   /api/{method}          Web API (point WebClient's `slackApiUrl` at `apiUrl`)
 *   /upload/v1/{file}      upload_url of files.getUploadURLExternal
 *   /files-pri/…           url_private downloads
 *   /commands/…, /actions/…  response_url sink
 *   /link/?ticket=…        Socket Mode websocket (from apps.connections.open)
 * Inbound traffic (slash commands, clicks, events) is sent with `send*` (signed HTTP) or
 * `socket.*` (Socket Mode envelopes).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeSlack, FakeSlackOptions, FakeSocketMode, SentRequest } from './api.js';
import { receiveUpload, serveFile } from './files.js';
import { Inbound } from './inbound.js';
import { handleApiCall, supportedMethods, type ApiEnv, type Failure } from './methods.js';
import { messageEvent } from './payloads.js';
import { Recorder } from './recorder.js';
import { ResponseUrls } from './responses.js';
import { postEvent, postInteractive, postSlashCommand, type HttpReply } from './signing.js';
import { SocketModeHub } from './socket-mode.js';
import { Workspace, type Identity } from './workspace.js';

const DEFAULT_IDENTITY: Identity = {
  teamId: 'T0QUIZ0001',
  teamDomain: 'quizbot-e2e',
  teamName: 'Quizbot E2E',
  enterpriseId: undefined,
  appId: 'A0QUIZ0001',
  botUserId: 'U0QUIZBOT1',
  botId: 'B0QUIZBOT1',
  botName: 'quizbot',
};

export async function startFakeSlack(options: FakeSlackOptions): Promise<FakeSlack> {
  if (!options.botToken.startsWith('xoxb-'))
    throw new Error('fake slack: botToken must start with xoxb-');
  if (options.appToken !== undefined && !options.appToken.startsWith('xapp-')) {
    throw new Error('fake slack: appToken must start with xapp-');
  }
  const ids: Identity = { ...DEFAULT_IDENTITY, ...options.identity };
  const rec = new Recorder();
  const ws = new Workspace(ids, options.users ?? [], options.channels ?? []);
  const failures = new Map<string, Failure[]>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const hub = new SocketModeHub({ wsBase: `ws://127.0.0.1:${port}`, appId: ids.appId, rec });
  const responseUrls = new ResponseUrls({ ws, rec });
  let counter = 0;
  const inbound = new Inbound(ws, { ids, baseUrl, next: () => ++counter }, responseUrls);
  const apiEnv: ApiEnv = {
    ws,
    rec,
    baseUrl,
    botToken: options.botToken,
    appToken: options.appToken,
    issueSocketUrl: () => hub.issueUrl(),
    failures,
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', baseUrl).pathname;
    const api = /^\/api\/([\w.]+)$/.exec(path);
    if (api?.[1]) return handleApiCall(req, res, api[1], apiEnv);
    const upload = /^\/upload\/v1\/(\w+)$/.exec(path);
    if (upload?.[1]) return receiveUpload(req, res, upload[1], { ws, rec });
    const file = /^\/files-pri\/\w+-(\w+)\//.exec(path);
    if (file?.[1] && req.method === 'GET')
      return serveFile(req, res, file[1], { ws, botToken: options.botToken });
    if (req.method === 'POST' && /^\/(commands|actions)\//.test(path))
      return responseUrls.receive(req, res, path);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('fake slack: no such endpoint');
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      console.error('fake slack: handler failed', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.on('upgrade', (req, socket, head: Buffer) => hub.handleUpgrade(req, socket, head));

  const withLinks = (
    reply: HttpReply,
    built: { responseUrl: string | undefined; triggerId: string | undefined },
  ): SentRequest => ({
    ...reply,
    responseUrl: built.responseUrl,
    triggerId: built.triggerId,
  });

  const socket: FakeSocketMode = {
    dispatchEnvelope: (type, payload, dispatch) => hub.dispatch(type, payload, dispatch),
    async slashCommand(commandOptions, dispatch) {
      const built = inbound.slashCommand(commandOptions);
      const ack = await hub.dispatch('slash_commands', built.payload, dispatch);
      return { ack, responseUrl: built.responseUrl, triggerId: built.triggerId };
    },
    async action(actionOptions, dispatch) {
      const built = inbound.action(actionOptions);
      const ack = await hub.dispatch('interactive', built.payload, dispatch);
      return { ack, responseUrl: built.responseUrl, triggerId: built.triggerId };
    },
    async viewSubmission(submitOptions, dispatch) {
      const built = inbound.viewSubmission(submitOptions);
      const ack = await hub.dispatch('interactive', built.payload, dispatch);
      return { ack, responseUrl: undefined, triggerId: built.triggerId };
    },
    event: (event, dispatch) => hub.dispatch('events_api', inbound.event(event), dispatch),
    connections: () => hub.connections(),
    waitForConnection: (timeoutMs) => hub.waitForConnection(timeoutMs),
    waitForNoConnections: (timeoutMs) => hub.waitForNoConnections(timeoutMs),
    sendDisconnect: (reason) => hub.sendDisconnect(reason),
  };

  return {
    url: baseUrl,
    apiUrl: `${baseUrl}/api/`,
    ids,
    calls: rec.calls,
    responses: rec.responses,
    uploads: rec.uploads,
    views: rec.views,
    envelopes: rec.envelopes,
    ephemerals: ws.ephemerals,
    supportedMethods: supportedMethods(),
    callsTo: (method) => rec.callsTo(method),
    messages: (channel) => ws.messages(channel),
    thread: (channel, threadTs) => ws.thread(channel, threadTs),
    homeView(userId) {
      const id = ws.homeViews.get(userId);
      return id ? ws.views.get(id)?.view : undefined;
    },
    dmChannel: (userId) => ws.dmWith(userId).id,
    failNext(method, failure, times = 1) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push(failure);
      failures.set(method, queue);
    },
    waitFor: (probe, waitOptions) => rec.waitFor(probe, waitOptions),
    waitForCall: (method, match = () => true, waitOptions = {}) =>
      rec.waitFor(() => rec.calls.find((call) => call.method === method && match(call)), {
        what: `a ${method} call`,
        ...waitOptions,
      }),
    postAsUser(channel, userId, text, threadTs) {
      const target = ws.resolveChannel(channel);
      return ws.addMessage({
        type: 'message',
        channel: target.id,
        ts: ws.nextTs(),
        user: userId,
        team: ids.teamId,
        text,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
    },
    async sendSlashCommand(target, secret, commandOptions) {
      const built = inbound.slashCommand(commandOptions);
      return withLinks(
        await postSlashCommand(target, secret, built.fields, commandOptions.signing),
        built,
      );
    },
    async sendAction(target, secret, actionOptions) {
      const built = inbound.action(actionOptions);
      return withLinks(
        await postInteractive(target, secret, built.payload, actionOptions.signing),
        built,
      );
    },
    async sendViewSubmission(target, secret, submitOptions) {
      const built = inbound.viewSubmission(submitOptions);
      return withLinks(
        await postInteractive(target, secret, built.payload, submitOptions.signing),
        built,
      );
    },
    sendEvent: (target, secret, event, signing) =>
      postEvent(target, secret, inbound.event(event), signing),
    events: {
      appHomeOpened: (userId) => inbound.appHomeOpened(userId),
      message: (message) =>
        messageEvent({
          user: message.user,
          channel: message.channel,
          text: message.text,
          ts: message.ts,
          ...(message.thread_ts && message.thread_ts !== message.ts
            ? { threadTs: message.thread_ts }
            : {}),
          channelType: message.channel.startsWith('D')
            ? 'im'
            : message.channel.startsWith('G')
              ? 'group'
              : 'channel',
          team: ids.teamId,
        }),
    },
    socket,
    async close() {
      await hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
