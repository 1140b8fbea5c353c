/**
 * Proves the fake Slack against the REAL Bolt app (HTTP receiver and Socket Mode): what Bolt and
 * @slack/web-api send arrives, is recorded and is answered the way they expect. The Slack adapter's
 * own end-to-end tests build on this fake; these tests pin the fake and Bolt's behaviour.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, webApi, type BlockButtonAction, type Logger } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowSeconds, startFakeSlack, type FakeSlack } from '../fake-slack/index.js';

const BOT_TOKEN = 'xoxb-1111-2222-fakebottoken';
const APP_TOKEN = 'xapp-1-A0QUIZ0001-3333-fakeapptoken';
const SECRET = 'fake-signing-secret-0123456789abcdef';
const ADMIN = {
  id: 'U0ADMIN001',
  name: 'ada',
  is_admin: true,
  is_owner: false,
  tz: 'Asia/Shanghai',
};
const MEMBER = {
  id: 'U0MEMBER01',
  name: 'max',
  is_admin: false,
  is_owner: false,
  tz: 'Europe/Berlin',
};
const DAILY = { id: 'C0DAILY001', name: 'daily-quiz' };
const LOCKED = { id: 'C0LOCKED01', name: 'locked', is_member: false };
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(2048)]);

/** Bolt's logger, kept quiet; lines are kept so a failing test can print them. */
function quietLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  let level = LogLevel.ERROR;
  const keep =
    (name: string) =>
    (...msg: unknown[]): void => {
      lines.push(`${name} ${msg.map(String).join(' ')}`);
    };
  return {
    lines,
    debug: keep('debug'),
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

const numericModal = {
  type: 'modal' as const,
  callback_id: 'numeric_answer',
  private_metadata: 'Q7',
  title: { type: 'plain_text' as const, text: 'Your answer' },
  submit: { type: 'plain_text' as const, text: 'Submit' },
  blocks: [
    {
      type: 'input' as const,
      block_id: 'answer',
      label: { type: 'plain_text' as const, text: 'Number' },
      element: { type: 'plain_text_input' as const, action_id: 'value' },
    },
  ],
};

describe('fake Slack with the real Bolt app over HTTP', () => {
  let fake: FakeSlack;
  let app: App;
  let endpoint: string;
  const logger = quietLogger();
  const commandTexts: string[] = [];
  const clicks: { user: string; value: string; blockId: string; messageTs?: string }[] = [];
  const submissions: string[] = [];
  const handlerErrors: unknown[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack({
      botToken: BOT_TOKEN,
      users: [ADMIN, MEMBER],
      channels: [DAILY, LOCKED],
    });
    app = new App({
      token: BOT_TOKEN,
      signingSecret: SECRET,
      logger,
      clientOptions: {
        slackApiUrl: fake.apiUrl,
        retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 10 },
      },
    });

    app.command('/quiz', async ({ command, ack, respond, client }) => {
      commandTexts.push(command.text);
      const [sub] = command.text.split(/\s+/);
      if (sub === 'answer') {
        await ack();
        await client.views.open({ trigger_id: command.trigger_id, view: numericModal });
        return;
      }
      if (sub === 'post') {
        await ack();
        try {
          await client.chat.postMessage({ channel: command.channel_id, text: 'Daily question' });
        } catch (error) {
          handlerErrors.push(error);
          await respond({ text: 'I am not in this channel: invite me with /invite @quizbot' });
        }
        return;
      }
      if (sub === 'upload') {
        await ack();
        const question = await client.chat.postMessage({
          channel: command.channel_id,
          text: 'Q22: the formula',
        });
        await client.files.uploadV2({
          channel_id: command.channel_id,
          thread_ts: question.ts ?? '',
          file: PNG,
          filename: 'q22-formula-1.png',
          title: 'Formula 1',
          alt_text: 'x squared',
          initial_comment: 'Formulas',
        });
        return;
      }
      await ack({ response_type: 'ephemeral', text: `Looking up ${command.text}…` });
      await respond({ response_type: 'ephemeral', text: 'Q3: What is whitening?' });
      const posted = await client.chat.postMessage({
        channel: command.channel_id,
        text: 'Q3: What is whitening?',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Q3* What is whitening?' } }],
        metadata: { event_type: 'quiz_question', event_payload: { question: 'Q3' } },
      });
      await client.chat.postMessage({
        channel: command.channel_id,
        thread_ts: posted.ts ?? '',
        text: 'Discuss in this thread',
      });
    });

    app.action<BlockButtonAction>('reveal', async ({ ack, body, action, respond }) => {
      await ack();
      clicks.push({
        user: body.user.id,
        value: action.value ?? '',
        blockId: action.block_id,
        ...(body.message?.ts ? { messageTs: body.message.ts } : {}),
      });
      await respond({ replace_original: true, text: `Revealed for <@${body.user.id}>` });
    });

    app.view('numeric_answer', async ({ ack, view }) => {
      const value = view.state.values.answer?.value?.value ?? '';
      submissions.push(value);
      if (!/^-?\d+(\.\d+)?$/.test(value)) {
        await ack({ response_action: 'errors', errors: { answer: 'Please enter a number' } });
        return;
      }
      await ack();
    });

    app.event('app_home_opened', async ({ event, client }) => {
      await client.views.publish({
        user_id: event.user,
        view: {
          type: 'home',
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Streak: 3 days' } }],
        },
      });
    });

    const server = await app.start({ port: 0, host: '127.0.0.1' });
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('Bolt verifies its bot token with auth.test on the fake', async () => {
    const call = await fake.waitForCall('auth.test');
    expect(call).toMatchObject({ token: BOT_TOKEN, ok: true, status: 200 });
  });

  it('a signed /quiz command runs the handler; ack() is the HTTP response; respond() reaches response_url', async () => {
    const reply = await fake.sendSlashCommand(endpoint, SECRET, {
      text: 'show Q3',
      userId: MEMBER.id,
      channelId: DAILY.id,
    });

    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ response_type: 'ephemeral', text: 'Looking up show Q3…' });
    expect(commandTexts).toContain('show Q3');
    const response = await fake.waitFor(
      () => fake.responses.find((r) => reply.responseUrl?.endsWith(r.path)),
      {
        what: 'respond() on the response_url',
      },
    );
    expect(response.body).toEqual({ response_type: 'ephemeral', text: 'Q3: What is whitening?' });
    expect(response.contentType).toMatch(/^application\/json/);
    expect(fake.ephemerals).toContainEqual(
      expect.objectContaining({
        channel: DAILY.id,
        user: MEMBER.id,
        text: 'Q3: What is whitening?',
      }),
    );
  });

  it('chat.postMessage is recorded with decoded blocks and metadata; thread replies and history work', async () => {
    await fake.sendSlashCommand(endpoint, SECRET, { text: 'show Q3', channelId: 'C0THREAD01' });
    const thread = await fake.waitFor(() => {
      const [parent, reply] = fake.messages('C0THREAD01');
      return parent && reply ? { parent, reply } : undefined;
    });

    expect(thread.parent).toMatchObject({
      text: 'Q3: What is whitening?',
      user: fake.ids.botUserId,
      bot_id: fake.ids.botId,
      blocks: [{ type: 'section' }],
      metadata: { event_type: 'quiz_question', event_payload: { question: 'Q3' } },
      reply_count: 1,
    });
    expect(thread.reply).toMatchObject({
      text: 'Discuss in this thread',
      thread_ts: thread.parent.ts,
    });
    const call = fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0THREAD01');
    expect(call?.args.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*Q3* What is whitening?' } },
    ]);
    // Bolt's listener client carries the workspace id on every call.
    expect(call?.args.team_id).toBe(fake.ids.teamId);

    // An adapter can find its own post again by metadata (only with include_all_metadata).
    const history = await app.client.conversations.history({
      channel: 'C0THREAD01',
      include_all_metadata: true,
    });
    expect(history.messages?.map((m) => m.metadata?.event_type)).toEqual(['quiz_question']);
    const bare = await app.client.conversations.history({ channel: 'C0THREAD01' });
    expect(bare.messages?.[0]?.metadata).toBeUndefined();
    const replies = await app.client.conversations.replies({
      channel: 'C0THREAD01',
      ts: thread.parent.ts,
    });
    expect(replies.messages?.map((m) => m.text)).toEqual([
      'Q3: What is whitening?',
      'Discuss in this thread',
    ]);
  });

  it('files.uploadV2 goes through all three steps with the bytes, into the thread', async () => {
    await fake.sendSlashCommand(endpoint, SECRET, { text: 'upload Q22', channelId: 'C0UPLOAD01' });
    const complete = await fake.waitForCall('files.completeUploadExternal');
    const getUrl = fake.callsTo('files.getUploadURLExternal').at(-1);
    const upload = fake.uploads.at(-1);

    expect(getUrl?.args).toMatchObject({
      filename: 'q22-formula-1.png',
      length: String(PNG.length),
      alt_text: 'x squared',
    });
    expect(upload?.bytes.equals(PNG)).toBe(true);
    expect(upload?.via).toBe('multipart');
    expect(getUrl && upload && getUrl.seq < upload.seq && upload.seq < complete.seq).toBe(true);
    const [question] = fake.messages('C0UPLOAD01');
    expect(complete.args).toMatchObject({
      channel_id: 'C0UPLOAD01',
      thread_ts: question?.ts,
      initial_comment: 'Formulas',
      files: [{ id: upload?.fileId, title: 'Formula 1' }],
    });
    const share = fake.thread('C0UPLOAD01', question?.ts ?? '')[1];
    expect(share).toMatchObject({
      text: 'Formulas',
      files: [{ id: upload?.fileId, name: 'q22-formula-1.png' }],
    });
  });

  it('a private upload can be shown with files.info and downloaded by the bot', async () => {
    await app.client.files.uploadV2({ file: PNG, filename: 'private.png' });
    const uploaded = fake.uploads.at(-1);
    const info = await app.client.files.info({ file: uploaded?.fileId ?? '' });
    expect(info.file).toMatchObject({
      id: uploaded?.fileId,
      mimetype: 'image/png',
      size: PNG.length,
      channels: [],
    });

    const download = await fetch(info.file?.url_private ?? '', {
      headers: { authorization: `Bearer ${BOT_TOKEN}` },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('the upload URL also takes a raw body, and the Web API also takes JSON', async () => {
    const step1 = await app.client.files.getUploadURLExternal({ filename: 'raw.png', length: 4 });
    const posted = await fetch(step1.upload_url ?? '', { method: 'POST', body: 'RAW!' });
    expect([posted.status, await posted.text()]).toEqual([200, 'OK - 4']);
    expect(fake.uploads.at(-1)).toMatchObject({ fileId: step1.file_id, via: 'raw' });

    const json = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BOT_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'C0JSON0001', text: 'hi', blocks: [{ type: 'divider' }] }),
    });
    expect(await json.json()).toMatchObject({ ok: true, channel: 'C0JSON0001' });
    expect(fake.messages('C0JSON0001')[0]?.blocks).toEqual([{ type: 'divider' }]);
  });

  it('a bad signature, a stale timestamp or no signature → 401 and no handler runs', async () => {
    const before = commandTexts.length;
    const callsBefore = fake.calls.length;
    const forged = await fake.sendSlashCommand(endpoint, SECRET, {
      text: 'show forged',
      signing: { secret: 'not-the-secret' },
    });
    const stale = await fake.sendSlashCommand(endpoint, SECRET, {
      text: 'show stale',
      signing: { timestamp: nowSeconds() - 6 * 60 },
    });
    const garbage = await fake.sendSlashCommand(endpoint, SECRET, {
      text: 'show garbage',
      signing: { signature: 'v0=deadbeef' },
    });

    expect([forged.status, stale.status, garbage.status]).toEqual([401, 401, 401]);
    expect(commandTexts.length).toBe(before);
    expect(fake.calls.length).toBe(callsBefore);
  });

  it('documents Bolt 4: a correctly signed request 10 minutes in the FUTURE is accepted (the adapter must reject it)', async () => {
    const reply = await fake.sendSlashCommand(endpoint, SECRET, {
      text: 'show future',
      signing: { timestamp: nowSeconds() + 10 * 60 },
    });

    // Bolt's verifySlackRequest only checks `timestamp < now - 5 min`; there is no upper bound.
    expect(reply.status).toBe(200);
    expect(commandTexts).toContain('show future');
  });

  it('block_actions clicks from several users reach app.action with the message, and respond() replaces it', async () => {
    const posted = await app.client.chat.postMessage({
      channel: DAILY.id,
      text: 'Daily: Q5',
      blocks: [
        {
          type: 'actions',
          block_id: 'quiz-actions',
          elements: [
            {
              type: 'button',
              action_id: 'reveal',
              value: 'Q5',
              text: { type: 'plain_text', text: 'Reveal' },
            },
          ],
        },
      ],
    });
    const ts = posted.ts ?? '';

    const first = await fake.sendAction(endpoint, SECRET, {
      actionId: 'reveal',
      value: 'Q5',
      blockId: 'quiz-actions',
      channelId: DAILY.id,
      messageTs: ts,
      userId: MEMBER.id,
    });
    const second = await fake.sendAction(endpoint, SECRET, {
      actionId: 'reveal',
      value: 'Q5',
      blockId: 'quiz-actions',
      channelId: DAILY.id,
      messageTs: ts,
      userId: ADMIN.id,
    });

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(clicks.slice(-2)).toEqual([
      { user: MEMBER.id, value: 'Q5', blockId: 'quiz-actions', messageTs: ts },
      { user: ADMIN.id, value: 'Q5', blockId: 'quiz-actions', messageTs: ts },
    ]);
    await fake.waitFor(
      () => fake.responses.filter((r) => r.path.startsWith('/actions/')).length >= 2,
    );
    expect(fake.messages(DAILY.id).find((m) => m.ts === ts)?.text).toBe(
      `Revealed for <@${ADMIN.id}>`,
    );
  });

  it('views.open uses the command trigger_id; a view_submission ack carries response_action', async () => {
    const reply = await fake.sendSlashCommand(endpoint, SECRET, {
      text: 'answer Q7',
      userId: MEMBER.id,
    });
    const opened = await fake.waitFor(() => fake.views.find((v) => v.kind === 'open'));
    expect(opened.triggerId).toBe(reply.triggerId);
    expect(opened.view).toMatchObject({ callback_id: 'numeric_answer', private_metadata: 'Q7' });

    const bad = await fake.sendViewSubmission(endpoint, SECRET, {
      viewId: opened.viewId,
      userId: MEMBER.id,
      values: { answer: { value: { type: 'plain_text_input', value: 'forty-two' } } },
    });
    const good = await fake.sendViewSubmission(endpoint, SECRET, {
      viewId: opened.viewId,
      userId: MEMBER.id,
      values: { answer: { value: { type: 'plain_text_input', value: '42' } } },
    });

    expect(bad.json).toEqual({
      response_action: 'errors',
      errors: { answer: 'Please enter a number' },
    });
    expect([good.status, good.text]).toEqual([200, '']);
    expect(submissions.slice(-2)).toEqual(['forty-two', '42']);
  });

  it('app_home_opened reaches app.event and views.publish lands as the user’s Home', async () => {
    const reply = await fake.sendEvent(endpoint, SECRET, fake.events.appHomeOpened(ADMIN.id));
    expect(reply.status).toBe(200);
    const home = await fake.waitFor(() => fake.homeView(ADMIN.id), { what: 'the published Home' });
    expect(home).toMatchObject({ type: 'home', blocks: [{ text: { text: 'Streak: 3 days' } }] });
    expect(fake.views.at(-1)).toMatchObject({ kind: 'publish', userId: ADMIN.id });
  });

  it('a ratelimited 429 with Retry-After is retried by the WebClient and the message lands once', async () => {
    fake.failNext('chat.postMessage', { error: 'ratelimited', retryAfter: 0 });
    const result = await app.client.chat.postMessage({
      channel: 'C0RATE0001',
      text: 'exactly once',
    });

    expect(result.ok).toBe(true);
    const calls = fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0RATE0001');
    expect(calls.map((c) => [c.status, c.error])).toEqual([
      [429, 'ratelimited'],
      [200, undefined],
    ]);
    expect(fake.messages('C0RATE0001').map((m) => m.text)).toEqual(['exactly once']);
  });

  it('not_in_channel surfaces as a platform error with data.error, in a handler and directly', async () => {
    await fake.sendSlashCommand(endpoint, SECRET, {
      text: 'post daily',
      channelId: LOCKED.id,
      userId: ADMIN.id,
    });
    const told = await fake.waitFor(() =>
      fake.responses.find((r) => JSON.stringify(r.body).includes('invite me')),
    );
    expect(told.body).toMatchObject({
      text: 'I am not in this channel: invite me with /invite @quizbot',
    });
    expect(handlerErrors.at(-1)).toMatchObject({
      code: webApi.ErrorCode.PlatformError,
      data: { ok: false, error: 'not_in_channel' },
    });

    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await expect(
      app.client.chat.postMessage({ channel: DAILY.id, text: 'x' }),
    ).rejects.toMatchObject({
      code: webApi.ErrorCode.PlatformError,
      data: { error: 'channel_not_found' },
    });
    expect(fake.messages(LOCKED.id)).toEqual([]);
  });

  it('answers invalid_auth for a wrong token and unknown_method for what it does not implement', async () => {
    const stranger = new webApi.WebClient('xoxb-not-the-token', {
      slackApiUrl: fake.apiUrl,
      logger: quietLogger(),
      retryConfig: { retries: 0 },
    });
    await expect(stranger.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    await expect(app.client.apiCall('quiz.nonexistent', {})).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
    expect(fake.callsTo('quiz.nonexistent')).toHaveLength(1);
  });

  it('users.info reports admin/owner and timezone; conversations.open gives the DM', async () => {
    const admin = await app.client.users.info({ user: ADMIN.id });
    expect(admin.user).toMatchObject({
      is_admin: true,
      is_owner: false,
      tz: 'Asia/Shanghai',
      tz_offset: 8 * 3600,
    });
    const dm = await app.client.conversations.open({ users: MEMBER.id });
    expect(dm.channel?.id).toBe(fake.dmChannel(MEMBER.id));
    await expect(app.client.users.info({ user: 'U0NOBODY00' })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
  });
});

describe('fake Slack with the real Bolt app over Socket Mode', () => {
  let fake: FakeSlack;
  let app: App;
  const logger = quietLogger();
  // Bolt hands this object to the SocketModeClient too, which mutates it (see the last test).
  const clientOptions: webApi.WebClientOptions = { slackApiUrl: '' };
  const commandTexts: string[] = [];
  const clicks: string[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack({
      botToken: BOT_TOKEN,
      appToken: APP_TOKEN,
      users: [ADMIN, MEMBER],
      channels: [DAILY],
    });
    clientOptions.slackApiUrl = fake.apiUrl;
    // App passes clientOptions on to the SocketModeReceiver (installerOptions.clientOptions), so
    // apps.connections.open goes to the same slackApiUrl: no separate receiver is needed.
    app = new App({
      token: BOT_TOKEN,
      appToken: APP_TOKEN,
      socketMode: true,
      logger,
      clientOptions,
    });
    app.command('/quiz', async ({ command, ack, respond }) => {
      commandTexts.push(command.text);
      await ack({ text: `On it: ${command.text}` });
      await respond({ text: 'Q3: What is whitening?' });
    });
    app.action<BlockButtonAction>('reveal', async ({ ack, body }) => {
      await ack();
      clicks.push(body.user.id);
    });
    app.event('app_home_opened', async ({ event, client }) => {
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [] } });
    });
    await app.start();
  });

  afterAll(async () => {
    await app?.stop();
    // Bolt's stop() does not wait for the socket to close; wait here so no reconnect outlives the fake.
    await fake?.socket.waitForNoConnections();
    await fake?.close();
  });

  it('connects through apps.connections.open with the app token and gets hello', () => {
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ token: APP_TOKEN, ok: true });
    expect(fake.socket.connections()).toBe(1);
  });

  it('a slash_commands envelope runs the handler; the ack carries the response payload', async () => {
    const sent = await fake.socket.slashCommand({ text: 'show Q3', userId: MEMBER.id });

    expect(sent.ack.payload).toEqual({ text: 'On it: show Q3' });
    expect(commandTexts).toEqual(['show Q3']);
    const response = await fake.waitFor(() =>
      fake.responses.find((r) => sent.responseUrl?.endsWith(r.path)),
    );
    expect(response.body).toEqual({ text: 'Q3: What is whitening?' });
    expect(fake.envelopes.at(-1)).toMatchObject({
      type: 'slash_commands',
      ack: { payload: sent.ack.payload },
    });
  });

  it('interactive and events_api envelopes are acked and reach their listeners', async () => {
    const posted = await app.client.chat.postMessage({ channel: DAILY.id, text: 'Daily: Q5' });
    const click = await fake.socket.action({
      actionId: 'reveal',
      value: 'Q5',
      channelId: DAILY.id,
      messageTs: posted.ts ?? '',
      userId: ADMIN.id,
    });
    const home = await fake.socket.event(fake.events.appHomeOpened(MEMBER.id));

    // A bare ack() is sent as `payload: {}` by @slack/socket-mode.
    expect(click.ack.payload).toEqual({});
    expect(home.payload).toEqual({});
    expect(clicks).toEqual([ADMIN.id]);
    await fake.waitFor(() => fake.homeView(MEMBER.id), {
      what: 'the Home published over Socket Mode',
    });
  });

  it('reconnects after a `disconnect` message and keeps delivering', async () => {
    fake.socket.sendDisconnect('refresh_requested');
    await fake.waitFor(
      () => fake.callsTo('apps.connections.open').length === 2 && fake.socket.connections() === 1,
      { timeoutMs: 15_000, what: 'the reconnect' },
    );
    const sent = await fake.socket.slashCommand({ text: 'show Q4' });
    expect(sent.ack.payload).toEqual({ text: 'On it: show Q4' });
  }, 20_000);

  it('documents Bolt 4: without a retryConfig, Socket Mode writes {retries: 100} into the shared clientOptions', () => {
    // The SocketModeClient sets retryConfig on the object it was given, which is App's own
    // clientOptions; listener clients are built from it. The adapter must set retryConfig itself.
    expect(clientOptions.retryConfig).toEqual({ retries: 100, factor: 1.3 });
  });
});
