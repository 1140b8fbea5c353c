/**
 * The Slack adapter end to end: the whole bot (startBot: real Redis, BullMQ, renderer, the real
 * Bolt app) with only Slack enabled, against the fake Slack on 127.0.0.1. Over HTTP every request
 * is signed like Slack signs it and sent to the bot's own `/slack/events`; the same main flows
 * run once more over Socket Mode. Ack times are collected and printed at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quizCommand } from '../../../commands/quiz.js';
import { leaves } from '../../../src/commands/spec.js';
import type { OutgoingView } from '../../../src/core/quiz/views.js';
import { fastForward, type MovableClock } from '../../../src/jobs/fast-forward.js';
import { SLACK_ACK_DEADLINE_MS } from '../../../src/platforms/slack/limits.js';
import { SIGNING_SECRET, type SlackBot, startSlackBot } from '../../support/slack-bot.js';
import { nowSeconds, postInteractive } from '../fake-slack/index.js';
import { type Block, buttonsOf, firstReply, responsesTo, textOf } from './helpers.js';

const ADMIN = { id: 'U0ADMIN001', name: 'ada', real_name: 'Ada Admin', is_admin: true };
const MEMBER = { id: 'U0MEMBER01', name: 'max', real_name: 'Max Member', locale: 'en-US' };
const MEI = { id: 'U0MEMBER02', name: 'mei', real_name: 'Mei', locale: 'zh-CN' };
const DAILY = { id: 'C0DAILY001', name: 'daily-quiz' };
const PAUSE = { id: 'C0PAUSE001', name: 'pause-me' };
const LOCKED = { id: 'C0LOCKED01', name: 'locked', is_member: false };
const COMPETE = { id: 'C0COMPETE1', name: 'compete' };
const LOOKUP = { id: 'C0LOOKUP01', name: 'lookups' };
const PLAY = { id: 'C0PLAY0001', name: 'playground' };

const users = [ADMIN, MEMBER, MEI];
const channels = [DAILY, PAUSE, LOCKED, COMPETE, LOOKUP, PLAY];

/** `HH:MM` in UTC, `hours` from now (bot time = real time until a fast-forward). */
function utcTime(hours: number, from = new Date()): string {
  return new Date(from.getTime() + hours * 3_600_000).toISOString().slice(11, 16);
}

const ackTimes: { transport: string; command: string; ms: number }[] = [];

async function commandsHandled(s: SlackBot): Promise<number> {
  const metric = await s.bot.metrics.registry.getSingleMetric('quizbot_commands_total')?.get();
  return (metric?.values ?? []).reduce((sum, v) => sum + v.value, 0);
}

describe('Slack over HTTP', () => {
  let s: SlackBot;
  const slash = async (text: string, userId = MEMBER.id, channelId = LOOKUP.id) => {
    const sent = await s.fake.sendSlashCommand(s.endpoint, SIGNING_SECRET, {
      text,
      userId,
      channelId,
    });
    ackTimes.push({ transport: 'http', command: text, ms: sent.ms });
    return sent;
  };
  /** A command and its first reply's visible text. */
  const ask = async (text: string, userId = MEMBER.id, channelId = LOOKUP.id) => {
    const sent = await slash(text, userId, channelId);
    expect(sent.status).toBe(200);
    return textOf(await firstReply(s.fake, sent.responseUrl));
  };

  beforeAll(async () => {
    s = await startSlackBot({ mode: 'http', users, channels });
  });
  afterAll(() => s?.cleanup());

  it('checks its token and learns its team with auth.test at start', () => {
    expect(s.fake.callsTo('auth.test')[0]).toMatchObject({ ok: true });
    expect(s.bot.deps).toBeDefined();
  });

  describe('signing: refused requests never reach a handler', () => {
    it.each([
      ['a bad signature', { secret: 'not-the-secret' }],
      ['a stale timestamp (6 minutes old)', { timestamp: nowSeconds() - 6 * 60 }],
      ['a future timestamp (6 minutes ahead)', { timestamp: nowSeconds() + 6 * 60 }],
      ['a far-future timestamp (1 hour ahead)', { timestamp: nowSeconds() + 3600 }],
      ['a garbage signature', { signature: 'v0=deadbeef' }],
    ])('%s → 401', async (_what, signing) => {
      const calls = s.fake.calls.length;
      const responses = s.fake.responses.length;
      const handled = await commandsHandled(s);
      const sent = await s.fake.sendSlashCommand(s.endpoint, SIGNING_SECRET, {
        text: 'daily now',
        userId: ADMIN.id,
        channelId: DAILY.id,
        signing,
      });
      expect(sent.status).toBe(401);
      await new Promise((done) => setTimeout(done, 300));
      expect(s.fake.calls.length).toBe(calls);
      expect(s.fake.responses.length).toBe(responses);
      expect(await commandsHandled(s)).toBe(handled);
    });

    it('a timestamp just inside the window (4 minutes ahead) is accepted', async () => {
      const sent = await s.fake.sendSlashCommand(s.endpoint, SIGNING_SECRET, {
        text: 'help',
        signing: { timestamp: nowSeconds() + 4 * 60 },
      });
      expect(sent.status).toBe(200);
      expect(textOf(await firstReply(s.fake, sent.responseUrl))).toContain('/quiz show');
    });

    it('a refused click or event runs nothing either', async () => {
      const calls = s.fake.calls.length;
      const event = await s.fake.sendEvent(
        s.endpoint,
        SIGNING_SECRET,
        s.fake.events.appHomeOpened(MEMBER.id),
        { timestamp: nowSeconds() + 10 * 60 },
      );
      expect(event.status).toBe(401);
      await new Promise((done) => setTimeout(done, 200));
      expect(s.fake.calls.length).toBe(calls);
    });
  });

  describe('/quiz: every subcommand, parsed from text, acknowledged within 3 s', () => {
    const texts: Record<string, string> = {
      show: 'show Q3',
      search: 'search 白化 limit:3',
      random: 'random tag:DL',
      'daily set': `daily set time:${utcTime(12)} timezone:UTC reveal-after:1h`,
      'daily off': 'daily off',
      'daily now': 'daily now',
      'daily status': 'daily status',
      'drill start': 'drill start time:21:00 timezone:UTC',
      'drill stop': 'drill stop',
      'drill now': 'drill now',
      'drill stats': 'drill stats',
      'compete start': 'compete start 1 tags:NOPE',
      'compete stop': 'compete stop',
      'compete status': 'compete status',
      'compete answer': 'compete answer 42',
      answer: 'answer knew',
      leaderboard: 'leaderboard month',
      stats: `stats <@${MEI.id}|mei>`,
      help: 'help',
    };

    it('has a text for every subcommand of the spec', () => {
      expect(Object.keys(texts).sort()).toEqual(
        leaves(quizCommand)
          .map((l) => l.key)
          .sort(),
      );
    });

    it.each(Object.entries(texts))('%s', async (key, text) => {
      // Admin subcommands as an admin, in a channel of their own so nothing else is disturbed.
      const sent = await slash(text, ADMIN.id, PLAY.id);
      expect(sent.status).toBe(200);
      expect(sent.ms).toBeLessThan(SLACK_ACK_DEADLINE_MS);
      // The ack is empty: the answer comes after it, on the response_url.
      expect(sent.text).toBe('');
      const reply = textOf(await firstReply(s.fake, sent.responseUrl));
      expect(reply.length, key).toBeGreaterThan(0);
      expect(reply).not.toContain('Something went wrong');
    });

    it('answers a few of them the way a person expects', async () => {
      expect(await ask('show Q3')).toMatch(/^Q3 · /);
      expect(await ask('daily status', ADMIN.id, PLAY.id)).toContain('No daily question');
      expect(await ask(`stats <@${MEI.id}|mei>`)).toContain('mei:');
      expect(await ask('compete start 1 tags:NOPE', ADMIN.id, PLAY.id)).toContain(
        'No competition items are tagged NOPE',
      );
    });

    it('bad text is answered in the ack itself, with what was wrong and where to look', async () => {
      for (const [text, wanted] of [
        ['shwo Q3', 'unknown command "shwo"'],
        ['daily', 'daily needs one of: set, off, now, status'],
        ['daily set time:09:30', 'needs timezone'],
        ['search densenet limit:99', 'limit: expected 1 to 25'],
        ['answer maybe', 'rating: expected one of knew, partly, missed'],
      ] as const) {
        const sent = await slash(text);
        expect(sent.status).toBe(200);
        const ack = sent.json as { response_type: string; text: string };
        expect(ack.response_type).toBe('ephemeral');
        expect(ack.text).toContain(wanted);
        expect(ack.text).toContain('/quiz help');
      }
    });

    it('replies in the asker’s Slack language', async () => {
      expect(await ask('daily status', MEI.id)).toContain('本频道没有每日一题');
      expect(await ask('help', MEI.id)).toContain('查看题目及答案');
    });

    it('a user option that is not a mention is refused in words', async () => {
      expect(await ask('stats someone')).toContain('user: expected a person, got "someone"');
    });
  });

  describe('/quiz show Q22: blocks, with its formulas uploaded and shown in order', () => {
    it('posts the question as blocks with an image block per formula, each file uploaded', async () => {
      const uploadsBefore = s.fake.uploads.length;
      const sent = await slash('show Q22');
      const body = await firstReply(s.fake, sent.responseUrl);
      const blocks = body.blocks ?? [];
      expect(body.response_type).toBe('ephemeral');
      expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Q22 · 手推逻辑回归' } });
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const block of blocks.filter((b) => b.type === 'section')) {
        expect(block.text!.text.length).toBeLessThanOrEqual(3000);
      }
      const images = blocks.filter((b) => b.type === 'image');
      expect(images.length).toBeGreaterThanOrEqual(4);

      // Every image names a file that was uploaded through the three steps, as a PNG.
      const uploaded = s.fake.uploads.slice(uploadsBefore);
      expect(uploaded).toHaveLength(images.length);
      const complete = s.fake.callsTo('files.completeUploadExternal').at(-1)!;
      const completed = (complete.args.files as { id: string }[]).map((f) => f.id);
      expect(images.map((b) => b.slack_file!.id)).toEqual(completed);
      for (const id of completed) {
        const upload = uploaded.find((u) => u.fileId === id)!;
        expect(upload.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
        const step1 = s.fake
          .callsTo('files.getUploadURLExternal')
          .find((c) => c.args.filename === upload.filename)!;
        expect(step1.seq).toBeLessThan(upload.seq);
        expect(upload.seq).toBeLessThan(complete.seq);
      }
      // In reading order: the file names count up, and the alt text is each formula's TeX.
      const names = completed.map((id) => uploaded.find((u) => u.fileId === id)!.filename);
      expect(names).toEqual(names.map((_n, i) => `Q22-formula-${i + 1}.png`));
      expect(images[0]!.alt_text).toBe('\\nabla_w(\\mathcal{L})');
      // Labels tie each image to its marker in the text.
      const text = blocks.map((b) => b.text?.text ?? '').join('\n');
      expect(text).toContain('⟨1⟩');
      expect(images[0]).toMatchObject({ title: { text: '⟨1⟩' } });
    });

    it('showing it again uploads nothing new', async () => {
      const before = s.fake.uploads.length;
      const sent = await slash('show Q22 public:true');
      const body = await firstReply(s.fake, sent.responseUrl);
      expect(body.response_type).toBe('in_channel');
      expect(s.fake.uploads.length).toBe(before);
      expect(body.blocks!.filter((b) => b.type === 'image').length).toBeGreaterThanOrEqual(4);
    });

    it('search hits carry a Show button that shows the question to whoever clicks', async () => {
      const sent = await slash('search 白化 limit:2');
      const body = await firstReply(s.fake, sent.responseUrl);
      const hit = body.blocks![0]!;
      expect(hit.accessory).toMatchObject({ type: 'button', action_id: 'qz1:show-answer:0' });
      // An ephemeral reply has no message to click on in the fake; click it as if from App Home's
      // channel message: post the same blocks, then click.
      const posted = s.fake.postAsUser(LOOKUP.id, MEMBER.id, 'search results');
      const click = await s.fake.sendAction(s.endpoint, SIGNING_SECRET, {
        actionId: hit.accessory!.action_id!,
        value: hit.accessory!.value!,
        channelId: LOOKUP.id,
        messageTs: posted.ts,
        userId: MEI.id,
      });
      expect(click.status).toBe(200);
      expect(textOf(await firstReply(s.fake, click.responseUrl))).toMatch(/^Q\d+ · /);
    });
  });

  describe('the daily question in a channel', () => {
    let post: { ts: string; key: string };

    it('daily set (admin) stores the subscription and confirms', async () => {
      const reply = await ask(
        `daily set time:${utcTime(12)} timezone:UTC reveal-after:1h`,
        ADMIN.id,
        DAILY.id,
      );
      expect(reply).toContain('Daily question on: every day at');
      expect(
        await s.bot.deps.subscriptions.get(`slack:channel:T0QUIZ0001:${DAILY.id}`),
      ).toMatchObject({
        workspace: 'slack:team:T0QUIZ0001',
        createdBy: `slack:user:T0QUIZ0001:${ADMIN.id}`,
      });
    });

    it('daily now posts the question in the channel with rating and reveal buttons', async () => {
      const reply = await ask('daily now', ADMIN.id, DAILY.id);
      expect(reply).toMatch(/^Posted Q/);
      const message = s.fake
        .messages(DAILY.id)
        .find((m) => m.metadata?.event_type === 'quizbot_post')!;
      expect(message).toBeDefined();
      const key = String(message.metadata!.event_payload.key);
      expect(key).toMatch(/^daily:slack:channel:T0QUIZ0001:C0DAILY001\|/);
      post = { ts: message.ts, key };
      const text = textOf(message);
      expect(text).toContain('Daily question ·');
      expect(text).toContain('The answer comes <!date^');
      expect(buttonsOf(message).map((b) => b.action_id)).toEqual([
        'qz1:rate:0',
        'qz1:rate:1',
        'qz1:rate:2',
        'qz1:reveal:3',
      ]);
    });

    it('people discuss in the thread and rate themselves with the buttons', async () => {
      s.fake.postAsUser(DAILY.id, MEMBER.id, 'Chain rule, then the sigmoid derivative?', post.ts);
      s.fake.postAsUser(DAILY.id, MEI.id, '我觉得是交叉熵', post.ts);
      const message = s.fake.messages(DAILY.id).find((m) => m.ts === post.ts)!;
      const buttons = buttonsOf(message);
      const click = async (userId: string, actionId: string) => {
        const button = buttons.find((b) => b.action_id === actionId)!;
        const sent = await s.fake.sendAction(s.endpoint, SIGNING_SECRET, {
          actionId,
          value: button.value!,
          channelId: DAILY.id,
          messageTs: post.ts,
          userId,
        });
        ackTimes.push({ transport: 'http', command: `click ${actionId}`, ms: sent.ms });
        expect(sent.status).toBe(200);
        expect(sent.ms).toBeLessThan(SLACK_ACK_DEADLINE_MS);
        return textOf(await firstReply(s.fake, sent.responseUrl));
      };
      expect(await click(MEMBER.id, 'qz1:rate:0')).toContain('Rated "I knew it" (+3 points)');
      expect(await click(MEI.id, 'qz1:rate:1')).toContain('已自评“部分会”（+2 分）');
      expect(await click(MEMBER.id, 'qz1:rate:0')).toContain('You already rated this');
      // A private peek at the answer, before the reveal.
      const peek = await click(ADMIN.id, 'qz1:reveal:3');
      expect(peek).toContain('Only you can see this');
      expect(s.fake.thread(DAILY.id, post.ts).map((m) => m.user)).toEqual([
        s.fake.ids.botUserId,
        MEMBER.id,
        MEI.id,
      ]);
    });

    it('a click that was tampered with, or from an older version, is refused', async () => {
      const sent = async (actionId: string, value: string) => {
        const reply = await s.fake.sendAction(s.endpoint, SIGNING_SECRET, {
          actionId,
          value,
          channelId: DAILY.id,
          messageTs: post.ts,
          userId: MEMBER.id,
        });
        return textOf(await firstReply(s.fake, reply.responseUrl));
      };
      expect(await sent('qz0:rate:0', '{}')).toContain('older version');
      expect(
        await sent(
          'qz1:rate:0',
          JSON.stringify({ action: 'rate', postKey: post.key, rating: 'genius' }),
        ),
      ).toContain('could not be read');
    });

    it('the answer is posted in the thread at reveal time, with the ratings', async () => {
      await fastForward({
        context: { deps: s.bot.deps, catalog: s.bot.catalog },
        clock: s.bot.deps.clock as MovableClock,
        durationMs: 61 * 60_000,
      });
      const thread = s.fake.thread(DAILY.id, post.ts);
      const reveal = thread.at(-1)!;
      expect(reveal.user).toBe(s.fake.ids.botUserId);
      expect(textOf(reveal)).toContain('Answer');
      expect(textOf(reveal)).toContain('2 people tried: I knew it 1 · Partly 1');
      expect(reveal.metadata?.event_payload.key).toBe(post.key.replace(/^daily:/, 'reveal:'));
    });

    it('a retried post finds itself in the channel history and is not posted again', async () => {
      const before = s.fake.messages(DAILY.id).length;
      const posts = s.fake.callsTo('chat.postMessage').length;
      const stored = await s.bot.deps.daily.getPost(post.key.replace(/^daily:/, ''));
      const view: OutgoingView = {
        kind: 'daily-question',
        postKey: stored!.key,
        day: stored!.day,
        question: s.bot.catalog.get(stored!.questionId)!,
        revealAt: stored!.revealAt,
        buttons: [],
      };
      const ref = await s.bot.deps.publisher.post({ channel: stored!.channel }, view, {
        idempotencyKey: post.key,
      });
      expect(ref).toEqual({ messageId: post.ts, threadId: post.ts });
      expect(s.fake.messages(DAILY.id).length).toBe(before);
      expect(s.fake.callsTo('chat.postMessage').length).toBe(posts);
      expect(s.fake.callsTo('conversations.history').at(-1)!.args).toMatchObject({
        channel: DAILY.id,
        include_all_metadata: 'true',
      });
    });

    it('a rate-limited post is retried by the client and lands once', async () => {
      s.fake.failNext('chat.postMessage', { error: 'ratelimited', retryAfter: 0 });
      const reply = await ask('daily now', ADMIN.id, DAILY.id);
      expect(reply).toMatch(/^Posted Q/);
      const calls = s.fake.callsTo('chat.postMessage').slice(-2);
      expect(calls.map((c) => [c.status, c.error])).toEqual([
        [429, 'ratelimited'],
        [200, undefined],
      ]);
    });

    it('an image Slack has not finished processing is retried, then shown', async () => {
      s.fake.failNext('chat.postMessage', { error: 'invalid_blocks' });
      const before = s.fake.callsTo('chat.postMessage').length;
      const posted = await s.bot.deps.publisher.post(
        { channel: `slack:channel:T0QUIZ0001:${PLAY.id}` },
        {
          kind: 'daily-reveal',
          postKey: 'test|x',
          question: s.bot.catalog.get('Q22')!,
          recap: { tried: 0, byRating: { knew: 0, partly: 0, missed: 0 } },
        },
        { idempotencyKey: 'reveal:test|x' },
      );
      const calls = s.fake.callsTo('chat.postMessage').slice(before);
      expect(calls.map((c) => c.error)).toEqual(['invalid_blocks', undefined]);
      const message = s.fake.messages(PLAY.id).find((m) => m.ts === posted.messageId)!;
      expect((message.blocks as Block[]).some((b) => b.type === 'image')).toBe(true);
    });
  });

  describe('drills by DM', () => {
    it('drill start, then the due cards arrive by DM; a card turns over and is rated', async () => {
      const started = await ask('drill start time:21:00 timezone:UTC per-day:2', MEI.id, LOOKUP.id);
      expect(started).toContain('每天 21:00');
      expect(await ask('drill now', MEI.id, LOOKUP.id)).toContain('私信');
      const dm = s.fake.dmChannel(MEI.id);
      const session = await s.fake.waitFor(() => s.fake.messages(dm)[0]);
      expect(s.fake.callsTo('conversations.open').at(-1)!.args).toMatchObject({ users: MEI.id });
      expect(textOf(session)).toContain('复习');
      const reveal = buttonsOf(session).find((b) => b.action_id === 'qz1:drill-reveal:0')!;
      expect(reveal).toBeDefined();

      // "Show answer" turns the card over in place: the same message now has the rating buttons.
      const turned = await s.fake.sendAction(s.endpoint, SIGNING_SECRET, {
        actionId: reveal.action_id!,
        value: reveal.value!,
        channelId: dm,
        messageTs: session.ts,
        userId: MEI.id,
      });
      expect(turned.status).toBe(200);
      expect(await firstReply(s.fake, turned.responseUrl)).toMatchObject({
        replace_original: true,
      });
      const back = s.fake.messages(dm).find((m) => m.ts === session.ts)!;
      const ratings = buttonsOf(back).map((b) => b.action_id);
      expect(ratings).toEqual([
        'qz1:drill-rate:0',
        'qz1:drill-rate:1',
        'qz1:drill-rate:2',
        'qz1:drill-rate:3',
      ]);

      // Rating it posts what the rating gave and the next card (or the summary) below.
      const before = s.fake.messages(dm).length;
      const good = buttonsOf(back).find((b) => b.action_id === 'qz1:drill-rate:2')!;
      const rated = await s.fake.sendAction(s.endpoint, SIGNING_SECRET, {
        actionId: good.action_id!,
        value: good.value!,
        channelId: dm,
        messageTs: back.ts,
        userId: MEI.id,
      });
      expect(await firstReply(s.fake, rated.responseUrl)).toMatchObject({
        response_type: 'in_channel',
        replace_original: false,
      });
      const next = s.fake.messages(dm)[before]!;
      expect(textOf(next)).toContain('良好');
      expect(await ask('drill stats', MEI.id, LOOKUP.id)).toContain('复习');

      // App Home shows the drill.
      await s.fake.sendEvent(s.endpoint, SIGNING_SECRET, s.fake.events.appHomeOpened(MEI.id));
      const home = await s.fake.waitFor(() => s.fake.homeView(MEI.id));
      expect(textOf(home as never)).toContain('每日复习');
    });
  });

  describe('admins', () => {
    it('a non-admin is refused on every admin subcommand, before anything runs', async () => {
      for (const text of [`daily set time:09:30 timezone:UTC`, 'daily now', 'daily off']) {
        expect(await ask(text, MEMBER.id, PLAY.id)).toContain('Only an admin can do that here.');
      }
      expect(await s.bot.deps.subscriptions.get(`slack:channel:T0QUIZ0001:${PLAY.id}`)).toBeNull();
      // Help shows a non-admin only what they may run.
      const help = await ask('help', MEMBER.id);
      expect(help).not.toContain('daily set');
      expect(await ask('help', ADMIN.id)).toContain('daily set');
    });

    it('not_in_channel: daily set in a channel the bot is not in tells the admin to invite it', async () => {
      const reply = await ask('daily set time:09:30 timezone:UTC', ADMIN.id, LOCKED.id);
      expect(reply).toContain(
        'The bot cannot post in this channel: it needs to be invited to the channel (/invite @quizbot)',
      );
      expect(
        await s.bot.deps.subscriptions.get(`slack:channel:T0QUIZ0001:${LOCKED.id}`),
      ).toBeNull();
    });

    it('not_in_channel at posting time: the channel is paused and its admin gets a DM', async () => {
      const now = s.bot.deps.clock.now();
      await ask(
        `daily set time:${utcTime(0.5, now)} timezone:UTC reveal-after:1h`,
        ADMIN.id,
        PAUSE.id,
      );
      s.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
      await fastForward({
        context: { deps: s.bot.deps, catalog: s.bot.catalog },
        clock: s.bot.deps.clock as MovableClock,
        durationMs: 35 * 60_000,
      });
      const sub = await s.bot.deps.subscriptions.get(`slack:channel:T0QUIZ0001:${PAUSE.id}`);
      expect(sub?.paused?.reason).toContain('not_in_channel');
      const dm = await s.fake.waitFor(() =>
        s.fake.messages(s.fake.dmChannel(ADMIN.id)).find((m) => m.text.includes('paused')),
      );
      expect(dm.text).toContain(`The daily question in <#${PAUSE.id}> is paused`);
      expect(dm.text).toContain('/invite @quizbot');
      expect(await ask('daily status', ADMIN.id, PAUSE.id)).toContain('Paused since');
    });

    it('App Home: scores and the board for everyone; channels and the admin list for admins', async () => {
      await s.fake.sendEvent(s.endpoint, SIGNING_SECRET, s.fake.events.appHomeOpened(MEMBER.id));
      const home = await s.fake.waitFor(() => s.fake.homeView(MEMBER.id), { what: 'a Home' });
      const text = textOf(home as never);
      expect(text).toContain('Your scores, max');
      expect(text).toContain('This week in the workspace');
      expect(text).toContain('max · *3 pts*');
      expect(text).not.toContain('Daily questions (admins)');

      await s.fake.sendEvent(s.endpoint, SIGNING_SECRET, s.fake.events.appHomeOpened(ADMIN.id));
      const admin = await s.fake.waitFor(() => s.fake.homeView(ADMIN.id), { what: 'a Home' });
      const adminText = textOf(admin as never);
      expect(adminText).toContain(`<#${DAILY.id}> · every day at`);
      expect(adminText).toContain(`<#${PAUSE.id}>`);
      expect(adminText).toContain(':warning: Paused');
      const list = (admin.blocks as Block[]).find((b) => b.accessory?.action_id === 'quiz-admins');
      expect(list?.accessory).toMatchObject({ type: 'multi_users_select' });
    });

    it('a Slack admin adds a person to the quiz admins from App Home; then they may run admin commands', async () => {
      const pick = async (userId: string, selected: string[]) => {
        const record = s.fake.views
          .filter((v) => v.kind === 'publish' && v.userId === userId)
          .at(-1)!;
        const payload = {
          type: 'block_actions',
          user: { id: userId, username: 'x', name: 'x', team_id: s.fake.ids.teamId },
          api_app_id: s.fake.ids.appId,
          token: 'fake-verification-token',
          trigger_id: '1.2.abc',
          team: { id: s.fake.ids.teamId, domain: s.fake.ids.teamDomain },
          enterprise: null,
          is_enterprise_install: false,
          container: { type: 'view', view_id: record.viewId },
          view: { ...record.view, id: record.viewId },
          state: { values: {} },
          actions: [
            {
              type: 'multi_users_select',
              action_id: 'quiz-admins',
              block_id: 'admins',
              selected_users: selected,
              action_ts: String(Date.now() / 1000),
            },
          ],
        };
        const sent = await postInteractive(s.endpoint, SIGNING_SECRET, payload);
        expect(sent.status).toBe(200);
      };
      const published = s.fake.views.length;
      await pick(ADMIN.id, [MEMBER.id]);
      await s.fake.waitFor(() => s.fake.views.length > published);
      expect(textOf(s.fake.homeView(ADMIN.id) as never)).toContain('Quiz admins saved: 1 person.');
      expect(await s.bot.deps.workspaces.admins('slack:team:T0QUIZ0001')).toEqual([
        `slack:user:T0QUIZ0001:${MEMBER.id}`,
      ]);
      expect(await ask('daily status', MEMBER.id, PLAY.id)).toContain('No daily question');
      expect(await ask(`daily set time:${utcTime(12)} timezone:UTC`, MEMBER.id, PLAY.id)).toContain(
        'Daily question on',
      );
      expect(await ask('daily off', MEMBER.id, PLAY.id)).toContain('is off');

      // A quiz admin cannot change the list: only Slack's own admins and owners can.
      await s.fake.sendEvent(s.endpoint, SIGNING_SECRET, s.fake.events.appHomeOpened(MEMBER.id));
      await s.fake.waitFor(() =>
        textOf(s.fake.homeView(MEMBER.id) as never).includes('Quiz admins'),
      );
      const before = s.fake.views.length;
      await pick(MEMBER.id, [MEMBER.id, MEI.id]);
      await s.fake.waitFor(() => s.fake.views.length > before);
      expect(textOf(s.fake.homeView(MEMBER.id) as never)).toContain(
        'Only Slack workspace admins and owners can change the quiz admins.',
      );
      expect(await s.bot.deps.workspaces.admins('slack:team:T0QUIZ0001')).toHaveLength(1);
    });
  });

  describe('a competition in a channel', () => {
    it('rounds are posted with answer buttons; clicks and the answer modal are scored once', async () => {
      const reply = await ask('compete start 1 seconds:10', ADMIN.id, COMPETE.id);
      expect(reply).toContain('Competition on: 1 round of 10 s');
      const round = await s.fake.waitFor(
        () => s.fake.messages(COMPETE.id).find((m) => textOf(m).includes('Round 1 of 1')),
        { timeoutMs: 20_000, what: 'the round' },
      );
      const buttons = buttonsOf(round);
      expect(buttons.length).toBeGreaterThan(0);
      const click = async (userId: string, button: { action_id?: string; value?: string }) =>
        s.fake.sendAction(s.endpoint, SIGNING_SECRET, {
          actionId: button.action_id!,
          value: button.value!,
          channelId: COMPETE.id,
          messageTs: round.ts,
          userId,
        });

      // One person answers with a button (an option, or the entry button's modal).
      const first = buttons[0]!;
      const competitionId = (JSON.parse(first.value!) as { competitionId: string }).competitionId;
      // The item is drawn at random: a choice or cloze round has option buttons, a numeric one
      // only the entry button.
      const withOptions = first.action_id!.startsWith('qz1:compete-answer');
      if (withOptions) {
        const sent = await click(MEMBER.id, first);
        expect(textOf(await firstReply(s.fake, sent.responseUrl))).toContain('Answer locked in');
        const again = await click(MEMBER.id, first);
        expect(textOf(await firstReply(s.fake, again.responseUrl))).toContain(
          'only your first answer counts',
        );
      }

      // Another types an answer in the modal the entry button opens.
      const entry = {
        action_id: 'qz1:compete-entry:9',
        value: JSON.stringify({ action: 'compete-entry', competitionId, round: 0 }),
      };
      const opened = s.fake.views.length;
      const sent = await click(MEI.id, entry);
      expect(sent.ms).toBeLessThan(SLACK_ACK_DEADLINE_MS);
      const modal = await s.fake.waitFor(() =>
        s.fake.views.slice(opened).find((v) => v.kind === 'open'),
      );
      expect(modal.triggerId).toBe(sent.triggerId);
      expect(modal.view).toMatchObject({ type: 'modal', callback_id: 'qz1:compete-entry' });
      const empty = await s.fake.sendViewSubmission(s.endpoint, SIGNING_SECRET, {
        viewId: modal.viewId,
        userId: MEI.id,
        values: { answer: { value: { type: 'plain_text_input', value: '  ' } } },
      });
      expect(empty.json).toMatchObject({ response_action: 'errors' });
      // The drawn item may be a choice (typed `a`) or a number (typed `42`): a reply that the
      // input was not understood leaves the round open for another try through a new modal.
      const toldMei = () =>
        s.fake.ephemerals.filter((e) => e.user === MEI.id && e.channel === COMPETE.id);
      let view = modal;
      let told = '';
      for (const typed of ['a', '42']) {
        const seen = toldMei().length;
        const submitted = await s.fake.sendViewSubmission(s.endpoint, SIGNING_SECRET, {
          viewId: view.viewId,
          userId: MEI.id,
          values: { answer: { value: { type: 'plain_text_input', value: typed } } },
        });
        expect(submitted.status).toBe(200);
        told = (await s.fake.waitFor(() => toldMei()[seen])).text ?? '';
        if (told.includes('已记录')) break;
        expect(told).toMatch(/无法识别|请/);
        const reopened = s.fake.views.length;
        await click(MEI.id, entry);
        view = await s.fake.waitFor(() =>
          s.fake.views.slice(reopened).find((v) => v.kind === 'open'),
        );
      }
      expect(told).toContain('第 1 轮答案已记录');

      // The result and the final standings follow in the channel.
      await s.fake.waitFor(
        () => s.fake.messages(COMPETE.id).find((m) => textOf(m).includes('Final standings')),
        { timeoutMs: 25_000, what: 'the final standings' },
      );
      const texts = s.fake.messages(COMPETE.id).map(textOf).join('\n---\n');
      expect(texts).toContain('Round 1 of 1 · result');
      expect(texts).toContain(withOptions ? '2 answers' : '1 answer');
    }, 60_000);
  });

  afterAll(() => {
    const http = ackTimes.filter((a) => a.transport === 'http').map((a) => a.ms);
    if (http.length) {
      const sorted = [...http].sort((a, b) => a - b);
      const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
      console.info(
        `Slack HTTP acks: ${http.length} requests, median ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
      );
    }
  });
});

describe('Slack over Socket Mode', () => {
  let s: SlackBot;
  const times: number[] = [];
  const slash = async (text: string, userId = MEMBER.id, channelId = LOOKUP.id) => {
    const started = performance.now();
    const sent = await s.fake.socket.slashCommand({ text, userId, channelId });
    times.push(performance.now() - started);
    return sent;
  };
  const ask = async (text: string, userId = MEMBER.id, channelId = LOOKUP.id) => {
    const sent = await slash(text, userId, channelId);
    return textOf(await firstReply(s.fake, sent.responseUrl));
  };

  beforeAll(async () => {
    s = await startSlackBot({ mode: 'socket', users, channels });
    await s.fake.socket.waitForConnection();
  });
  afterAll(async () => {
    await s?.cleanup();
    const sorted = [...times].sort((a, b) => a - b);
    if (sorted.length) {
      console.info(
        `Slack Socket Mode acks: ${sorted.length} envelopes, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
      );
    }
  });

  it('connects with the app token and serves no HTTP route', async () => {
    expect(s.fake.callsTo('apps.connections.open')[0]).toMatchObject({ ok: true });
    const res = await fetch(`http://127.0.0.1:${s.bot.httpPort}/slack/events`, { method: 'POST' });
    expect(res.status).toBe(404);
  });

  it('slash commands are acked at once over the socket and answered on the response_url', async () => {
    const sent = await slash('show Q22');
    expect(sent.ack.payload).toEqual({});
    const body = await firstReply(s.fake, sent.responseUrl);
    expect(body.blocks![0]).toMatchObject({ type: 'header', text: { text: 'Q22 · 手推逻辑回归' } });
    expect(body.blocks!.filter((b) => b.type === 'image').length).toBeGreaterThanOrEqual(4);
    const bad = await slash('shwo');
    expect(bad.ack.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(bad.ack.payload as never)).toContain('unknown command "shwo"');
  });

  it('a non-admin is refused; an admin runs the daily question; clicks rate it', async () => {
    expect(await ask('daily now', MEMBER.id, DAILY.id)).toContain(
      'Only an admin can do that here.',
    );
    expect(await ask(`daily set time:${utcTime(12)} timezone:UTC`, ADMIN.id, DAILY.id)).toContain(
      'Daily question on',
    );
    expect(await ask('daily now', ADMIN.id, DAILY.id)).toMatch(/^Posted Q/);
    const message = s.fake
      .messages(DAILY.id)
      .find((m) => m.metadata?.event_type === 'quizbot_post')!;
    const knew = buttonsOf(message).find((b) => b.action_id === 'qz1:rate:0')!;
    const click = await s.fake.socket.action({
      actionId: knew.action_id!,
      value: knew.value!,
      channelId: DAILY.id,
      messageTs: message.ts,
      userId: MEI.id,
    });
    expect(click.ack.payload).toEqual({});
    expect(textOf(await firstReply(s.fake, click.responseUrl))).toContain('已自评“会”');
  });

  it('App Home is published over Socket Mode too', async () => {
    await s.fake.socket.event(s.fake.events.appHomeOpened(ADMIN.id));
    const home = await s.fake.waitFor(() => s.fake.homeView(ADMIN.id));
    expect(textOf(home as never)).toContain('Daily questions (admins)');
    expect(responsesTo(s.fake, undefined)).toEqual([]);
  });

  it('not_in_channel is worded for the admin over Socket Mode as well', async () => {
    expect(await ask('daily set time:09:30 timezone:UTC', ADMIN.id, LOCKED.id)).toContain(
      '/invite @quizbot',
    );
  });
});
