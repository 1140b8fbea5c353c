/**
 * The Discord adapter end to end: the real discord.js client logged in to the fake Discord, a
 * whole bot behind it (real Redis, BullMQ, MathJax and sharp), and every flow a server sees:
 * lookups with formulas, search and autocomplete, the daily question from `daily set` to the
 * reveal, rate limits and refusals, and command registration by diffing.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type APIEmbed, type APIMessage, Routes } from 'discord.js';
import { quizCommand } from '../../../commands/quiz.js';
import { fireDaily } from '../../../src/core/quiz/daily.js';
import { revealDaily } from '../../../src/core/quiz/reveal.js';
import { decodeControl } from '../../../src/platforms/discord/custom-id.js';
import {
  registrationRest,
  syncCommands,
} from '../../../src/platforms/discord/registration/sync.js';
import { toDiscordCommand } from '../../../src/platforms/discord/registration/to-discord.js';
import { runCli } from '../../support/cli.js';
import {
  ALICE,
  ANNOUNCE,
  APP,
  BOB,
  CAROL,
  DAVE,
  GENERAL,
  GUILD,
  NO_FILES,
  TOKEN,
  type DiscordWorld,
  startDiscordWorld,
} from './harness.js';

let w: DiscordWorld;
beforeAll(async () => {
  w = await startDiscordWorld();
});
afterAll(() => w?.cleanup());

type Json = Record<string, unknown>;
const embedsOf = (data: Json | undefined) => (data?.embeds ?? []) as APIEmbed[];
const buttonsOf = (data: Json | undefined) =>
  ((data?.components ?? []) as { components: { custom_id: string; label: string }[] }[]).flatMap(
    (row) => row.components,
  );

describe('/quiz show', () => {
  it('answers Q22 privately with the question and a Show answer button', async () => {
    const handle = w.fake.dispatchCommand({
      command: 'quiz show',
      options: { id: 'Q22' },
      user: BOB,
      channelId: GENERAL,
    });
    const callback = await handle.callback();
    console.log(`/quiz show Q22: dispatch → callback ${callback.ms} ms (type ${callback.type})`);
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(64);
    expect(embedsOf(callback.data)[0]?.title).toBe('Q22 · 手推逻辑回归');
    const [button] = buttonsOf(callback.data);
    expect(button).toMatchObject({ label: 'Show answer', custom_id: 'q1:show:Q22' });
    expect(callback.ms).toBeLessThan(3000);
  });

  it('Show answer: embeds with the formula PNGs attached in order, TeX as alt text', async () => {
    const shown = w.fake.dispatchCommand({
      command: 'quiz show',
      options: { id: 'Q22' },
      user: BOB,
      channelId: GENERAL,
    });
    await shown.callback();
    const click = w.fake.dispatchButton({
      messageId: shown.original()!.id,
      customId: 'q1:show:Q22',
      user: BOB,
    });
    const callback = await click.callback({ timeoutMs: 20_000 });
    console.log(`Show answer Q22: dispatch → callback ${callback.ms} ms (type ${callback.type})`);
    const final = callback.type === 5 ? (await click.edit(0)).json : callback.data!;
    const files = callback.type === 5 ? (await click.edit(0)).files : callback.files;
    const embeds = embedsOf(final);
    expect(embeds[0]?.title).toBe('Q22 · 手推逻辑回归');
    const images = embeds.flatMap((e) =>
      e.image ? [e.image.url.replace('attachment://', '')] : [],
    );
    expect(images.length).toBeGreaterThanOrEqual(4);
    // Each embed's image is the next formula: attachments follow the text's order.
    expect(images).toEqual(
      [...images].sort((a, b) => Number(a.match(/\d+/)) - Number(b.match(/\d+/))),
    );
    expect(files.map((f) => f.name)).toEqual(images);
    for (const file of files) {
      expect(file.contentType).toBe('image/png');
      const meta = await sharp(file.bytes).metadata();
      expect(meta.format).toBe('png');
    }
    // The message Discord made: its attachments carry the TeX as their description (alt text).
    const attachments = click.original()!.attachments;
    expect(attachments.map((a) => a.filename)).toEqual(images);
    expect(attachments.every((a) => (a.description ?? '').length > 0)).toBe(true);
    expect(attachments.some((a) => /\\/.test(a.description ?? ''))).toBe(true);
  });

  it('defers when the answer is slow to render, then edits it in', async () => {
    w.formulas.delayMs = 2000;
    try {
      const shown = w.fake.dispatchCommand({
        command: 'quiz show',
        options: { id: 'Q21' },
        user: CAROL,
        channelId: GENERAL,
      });
      await shown.callback();
      const click = w.fake.dispatchButton({
        messageId: shown.original()!.id,
        customId: 'q1:show:Q21',
        user: CAROL,
      });
      const callback = await click.callback();
      expect(callback.type).toBe(5);
      expect(callback.data?.flags).toBe(64);
      expect(callback.ms).toBeLessThan(3000);
      const edit = await click.edit(0, { timeoutMs: 20_000 });
      expect(embedsOf(edit.json)[0]?.title).toMatch(/^Q21 · /);
    } finally {
      w.formulas.delayMs = 0;
    }
  });

  it('public:true posts for the channel; a forged or stale button gets a polite private note', async () => {
    const shown = w.fake.dispatchCommand({
      command: 'quiz show',
      options: { id: 'Q4', public: true },
      user: DAVE,
      channelId: GENERAL,
    });
    const callback = await shown.callback();
    expect(callback.data?.flags ?? 0).toBe(0);
    const message = shown.original()!;
    expect(w.fake.messages(GENERAL).map((m) => m.id)).toContain(message.id);
    for (const [customId, text] of [
      ['q0:show:Q4', 'older version'],
      ['q1:rate:brilliant:x', 'could not be read'],
      ['something-else', 'could not be read'],
    ] as const) {
      const click = w.fake.dispatchButton({
        messageId: message.id,
        customId,
        user: ALICE,
        unchecked: true,
      });
      const reply = await click.callback();
      expect(reply.type).toBe(4);
      expect(reply.data).toMatchObject({ flags: 64 });
      expect(String(reply.data?.content)).toContain(text);
    }
    expect(decodeControl('q0:show:Q4')).toEqual({ ok: false, reason: 'stale' });
  });
});

describe('other lookups', () => {
  it('/quiz help is generated from the spec, without admin subcommands for a member', async () => {
    const callback = await w.fake
      .dispatchCommand({ command: 'quiz help', user: BOB, channelId: GENERAL, locale: 'zh-CN' })
      .callback();
    const [embed] = embedsOf(callback.data);
    expect(embed?.title).toBe('/quiz — 机器学习面试题');
    expect(embed?.description).toContain('/quiz show <id>');
    expect(embed?.description).not.toContain('daily set');
  });

  it('/quiz stats with a user option names that person', async () => {
    const callback = await w.fake
      .dispatchCommand({
        command: 'quiz stats',
        options: { user: CAROL },
        user: BOB,
        channelId: GENERAL,
      })
      .callback();
    expect(String(callback.data?.content)).toMatch(/^Carol: this week 0/);
  });

  it('/quiz random tag:DL posts a DL question with its Show answer button', async () => {
    const handle = w.fake.dispatchCommand({
      command: 'quiz random',
      options: { tag: 'DL' },
      user: BOB,
      channelId: GENERAL,
    });
    const callback = await handle.callback();
    const id = embedsOf(callback.data)[0]!.title!.split(' · ')[0]!;
    expect(w.bot.catalog.get(id)?.tags).toContain('DL');
    expect(buttonsOf(callback.data)[0]?.custom_id).toBe(`q1:show:${id}`);
  });

  it('an unknown id offers the closest questions as buttons', async () => {
    const callback = await w.fake
      .dispatchCommand({
        command: 'quiz show',
        options: { id: '白化怎么做' },
        user: BOB,
        channelId: GENERAL,
      })
      .callback();
    expect(String(callback.data?.content)).toContain('Did you mean:');
    expect(buttonsOf(callback.data).map((b) => b.custom_id)).toContain('q1:show:Q5');
  });
});

describe('/quiz search and autocomplete', () => {
  it('search 白化 lists the whitening questions with buttons to open them', async () => {
    const handle = w.fake.dispatchCommand({
      command: 'quiz search',
      options: { query: '白化' },
      user: BOB,
      channelId: GENERAL,
      locale: 'zh-CN',
    });
    const callback = await handle.callback();
    const [embed] = embedsOf(callback.data);
    expect(embed?.title).toContain('白化');
    expect(embed?.description).toContain('Q5');
    expect(embed?.description).toContain('Q4');
    expect(buttonsOf(callback.data).map((b) => b.custom_id)).toContain('q1:show:Q5');
  });

  it('autocomplete on the id option suggests by title', async () => {
    const handle = w.fake.dispatchAutocomplete({
      command: 'quiz show',
      focused: 'id',
      value: '白化',
      user: BOB,
      channelId: GENERAL,
    });
    const callback = await handle.callback();
    expect(callback.type).toBe(8);
    const choices = (callback.data?.choices ?? []) as { name: string; value: string }[];
    expect(
      choices
        .slice(0, 2)
        .map((c) => c.value)
        .sort(),
    ).toEqual(['Q4', 'Q5']);
    expect(choices[0]?.name).toMatch(/白化/);
  });

  it('autocomplete on tags and time zones', async () => {
    const tags = await w.fake
      .dispatchAutocomplete({
        command: 'quiz daily set',
        options: { time: '09:00', timezone: 'UTC' },
        focused: 'tags',
        value: 'DL,',
        user: ALICE,
        channelId: GENERAL,
      })
      .callback();
    expect((tags.data?.choices as { value: string }[]).map((c) => c.value)).toEqual([
      'DL,CI',
      'DL,ML',
    ]);
    const zones = await w.fake
      .dispatchAutocomplete({
        command: 'quiz daily set',
        options: { time: '09:00' },
        focused: 'timezone',
        value: 'shang',
        user: ALICE,
        channelId: GENERAL,
      })
      .callback();
    expect((zones.data?.choices as { value: string }[])[0]?.value).toBe('Asia/Shanghai');
  });
});

describe('the daily question', () => {
  const key = `discord:channel:${GUILD}:${GENERAL}`;
  // Hours away from now, so the real BullMQ cron cannot fire during the test.
  const farTime = () => {
    const h = (new Date().getUTCHours() + 12) % 24;
    return `${String(h).padStart(2, '0')}:00`;
  };
  let postKey = '';
  let posted: APIMessage;

  it('daily set by a non-admin is refused', async () => {
    const callback = await w.fake
      .dispatchCommand({
        command: 'quiz daily set',
        options: { time: farTime(), timezone: 'UTC' },
        user: BOB,
        channelId: GENERAL,
      })
      .callback();
    expect(callback.data).toMatchObject({ flags: 64, content: 'Only an admin can do that here.' });
    expect(await w.bot.deps.subscriptions.get(key)).toBeNull();
  });

  it('daily set where the bot lacks permissions names them', async () => {
    const callback = await w.fake
      .dispatchCommand({
        command: 'quiz daily set',
        options: { time: farTime(), timezone: 'UTC' },
        user: ALICE,
        channelId: NO_FILES,
      })
      .callback();
    expect(String(callback.data?.content)).toContain('Attach Files, Create Public Threads');
  });

  it('daily set by an admin is stored, in the asker’s language', async () => {
    const callback = await w.fake
      .dispatchCommand({
        command: 'quiz daily set',
        options: { time: farTime(), timezone: 'UTC', 'reveal-after': '2h' },
        user: ALICE,
        channelId: GENERAL,
        locale: 'zh-CN',
      })
      .callback();
    expect(callback.data?.flags).toBe(64);
    expect(String(callback.data?.content)).toMatch(/每日一题/);
    expect(await w.bot.deps.subscriptions.get(key)).toMatchObject({
      workspace: `discord:guild:${GUILD}`,
      createdBy: `discord:user:${ALICE}`,
      revealAfterMinutes: 120,
    });
  });

  it('fires: the question goes to the channel with buttons, a nonce and a discussion thread', async () => {
    const result = await fireDaily(w.bot.deps, w.bot.catalog, { channel: key });
    expect(result.status).toBe('posted');
    if (result.status !== 'posted') return;
    postKey = result.post.key;
    posted = w.fake.message(result.post.message.messageId)!;
    expect(w.fake.messages(GENERAL).map((m) => m.id)).toContain(posted.id);
    expect(posted.content).toMatch(/^\*\*Daily question · \d{4}-\d{2}-\d{2}\*\*/);
    expect(posted.content).toMatch(/<t:\d+:f> \(<t:\d+:R>\)/);
    expect(posted.embeds[0]?.title).toBe(
      `${result.post.questionId} · ${w.bot.catalog.get(result.post.questionId)!.title}`,
    );
    const labels = buttonsOf(posted as unknown as Json).map((b) => b.label);
    expect(labels).toEqual(['I knew it', 'Partly', "I didn't know", 'Show answer']);
    const call = w.fake
      .callsTo(`POST /channels/${GENERAL}/messages`)
      .find((c) => c.status === 200 && (c.response as APIMessage).id === posted.id)!;
    expect(call.json).toMatchObject({ enforce_nonce: true });
    expect(String((call.json as Json).nonce).length).toBeLessThanOrEqual(25);
    const [thread] = w.fake.threads(GENERAL).filter((t) => t.id === posted.id);
    expect(thread?.name).toContain(result.post.questionId);
    expect(result.post.message.threadId).toBe(posted.id);
  });

  it('several people rate it with the buttons; a change of mind moves the points', async () => {
    const rate = async (user: string, rating: string) => {
      const customId = buttonsOf(posted as unknown as Json).find((b) =>
        b.custom_id.startsWith(`q1:rate:${rating}:`),
      )!.custom_id;
      return w.fake.dispatchButton({ messageId: posted.id, customId, user }).callback();
    };
    expect(String((await rate(BOB, 'knew')).data?.content)).toBe(
      'Rated "I knew it" (+3 points). Streak: 1 day.',
    );
    expect(String((await rate(CAROL, 'partly')).data?.content)).toContain('Rated "Partly"');
    expect(String((await rate(DAVE, 'missed')).data?.content)).toContain('Rated "I didn\'t know"');
    const changed = await rate(BOB, 'partly');
    expect(changed.data).toMatchObject({ flags: 64 });
    expect(String(changed.data?.content)).toContain(
      'Changed from "I knew it" to "Partly" (-1 point)',
    );
  });

  it('Show answer under the post is a private peek', async () => {
    const customId = buttonsOf(posted as unknown as Json).find((b) =>
      b.custom_id.startsWith('q1:peek:'),
    )!.custom_id;
    const click = w.fake.dispatchButton({ messageId: posted.id, customId, user: CAROL });
    const callback = await click.callback();
    const data = callback.type === 5 ? (await click.edit(0)).json : callback.data!;
    expect(callback.data?.flags).toBe(64);
    expect(String(data.content)).toContain('Only you can see this');
    expect(embedsOf(data).length).toBeGreaterThan(0);
  });

  it('the reveal goes into the thread with the recap; ratings close', async () => {
    const result = await revealDaily(w.bot.deps, w.bot.catalog, postKey);
    expect(result.status).toBe('revealed');
    const [reveal] = w.fake.messages(posted.id);
    expect(reveal?.content).toBe(
      "**Answer** · 3 people tried: I knew it 0 · Partly 2 · I didn't know 1",
    );
    expect(reveal?.embeds[0]?.title).toBe(posted.embeds[0]?.title);
    const late = await w.fake
      .dispatchButton({
        messageId: posted.id,
        customId: buttonsOf(posted as unknown as Json)[0]!.custom_id,
        user: CAROL,
      })
      .callback();
    expect(String(late.data?.content)).toContain('The answer is already out');
  });

  it('/quiz leaderboard shows the ranks and the card', async () => {
    const handle = w.fake.dispatchCommand({
      command: 'quiz leaderboard',
      user: CAROL,
      channelId: GENERAL,
    });
    const callback = await handle.callback();
    const data = callback.type === 5 ? (await handle.edit(0)).json : callback.data!;
    const [embed] = embedsOf(data);
    expect(embed?.description).toContain('Carol');
    expect(embed?.description).toContain('← you');
    expect(embed?.image?.url).toBe('attachment://leaderboard.png');
    expect(handle.original()!.attachments[0]?.content_type).toBe('image/png');
  });
});

describe('posting under pressure', () => {
  it('a 429 on the channel post: discord.js waits it out and the post lands once', async () => {
    const before = w.fake.messages(GENERAL).length;
    w.fake.failNext(`POST /channels/${GENERAL}/messages`, { status: 429, retryAfter: 0.3 });
    const handle = w.fake.dispatchCommand({
      command: 'quiz daily now',
      user: ALICE,
      channelId: GENERAL,
    });
    const callback = await handle.callback();
    const data =
      callback.type === 5 ? (await handle.edit(0, { timeoutMs: 20_000 })).json : callback.data!;
    expect(String(data.content)).toMatch(/^Posted Q/);
    const after = w.fake.messages(GENERAL).slice(before);
    expect(after).toHaveLength(1);
    const tries = w.fake
      .callsTo(`POST /channels/${GENERAL}/messages`)
      .filter((c) => (c.json as Json).nonce === (after[0] as unknown as Json).nonce);
    expect(tries.map((c) => c.status)).toEqual([429, 200]);
    expect(w.fake.threads(GENERAL).some((t) => t.id === after[0]!.id)).toBe(true);
  });

  it('a 403: the channel is paused and the admin who set it up is told by DM', async () => {
    const key = `discord:channel:${GUILD}:${ANNOUNCE}`;
    const set = await w.fake
      .dispatchCommand({
        command: 'quiz daily set',
        options: { time: '03:00', timezone: 'Asia/Tokyo' },
        user: ALICE,
        channelId: ANNOUNCE,
      })
      .callback();
    expect(String(set.data?.content)).toMatch(/^Daily question on/);
    w.fake.failNext(`POST /channels/${ANNOUNCE}/messages`, { status: 403, times: Infinity });
    try {
      const result = await fireDaily(w.bot.deps, w.bot.catalog, { channel: key });
      expect(result).toMatchObject({ status: 'refused' });
    } finally {
      w.fake.clearFailures();
    }
    expect((await w.bot.deps.subscriptions.get(key))?.paused?.reason).toContain('Missing Access');
    const dm = w.fake.dmChannels().find((c) => c.recipients?.[0]?.id === ALICE)!;
    const note = w.fake.messages(dm.id).at(-1)!;
    expect(note.content).toContain(`The daily question in <#${ANNOUNCE}> is paused`);
    expect(note.content).toContain('Missing Access');
    // Paused: the next firing posts nothing, and status says why.
    expect(await fireDaily(w.bot.deps, w.bot.catalog, { channel: key })).toMatchObject({
      status: 'skipped',
      reason: 'paused',
    });
    const status = await w.fake
      .dispatchCommand({ command: 'quiz daily status', user: BOB, channelId: ANNOUNCE })
      .callback();
    expect(String(status.data?.content)).toContain('Paused since');
  });
});

describe('start-up', () => {
  it('a bad token: `quizbot start` prints one clear line and exits 1', async () => {
    const run = await runCli(['start'], {
      env: {
        DISCORD_TOKEN: 'MTIwMA.not.the-token',
        DISCORD_APPLICATION_ID: APP,
        DISCORD_API_URL: w.fake.apiUrl,
        REDIS_URL: w.redis.url,
        QUIZBOT_PREFIX: `${w.redis.prefix}badtoken`,
        PORT: '0',
        LOG_LEVEL: 'silent',
      },
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      `quizbot: DISCORD_TOKEN was rejected by Discord (401 Unauthorized at ${w.fake.apiUrl}); reset the token in Developer Portal → Bot and set DISCORD_TOKEN again`,
    ]);
    expect(run.stdout).toBe('');
  });
});

describe('command registration', () => {
  const rest = () => registrationRest(TOKEN, w.fake.apiUrl);
  const writes = (after: number) =>
    w.fake.calls.filter((c) => c.seq > after && c.method !== 'GET' && c.path.includes('/commands'));

  it('registered /quiz as the spec says: zh-CN text, autocomplete, choices, a user option', () => {
    const [quiz] = w.fake.commands();
    expect(quiz).toMatchObject({
      name: 'quiz',
      description: 'Machine-learning interview questions',
      description_localizations: { 'zh-CN': '机器学习面试题' },
      default_member_permissions: null,
    });
    const options = quiz!.options as unknown as Json[];
    const show = options.find((o) => o.name === 'show') as { options: Json[] };
    expect(show.options[0]).toMatchObject({
      name: 'id',
      type: 3,
      required: true,
      autocomplete: true,
    });
    const answer = options.find((o) => o.name === 'answer') as { options: Json[] };
    expect(answer.options[0]).toMatchObject({
      choices: [
        { value: 'knew', name: 'I knew it', name_localizations: { 'zh-CN': '会' } },
        { value: 'partly', name: 'Partly', name_localizations: { 'zh-CN': '部分会' } },
        { value: 'missed', name: "I didn't know", name_localizations: { 'zh-CN': '不会' } },
      ],
    });
    const stats = options.find((o) => o.name === 'stats') as { options: Json[] };
    expect(stats.options[0]).toMatchObject({ name: 'user', type: 6 });
    const daily = options.find((o) => o.name === 'daily') as { type: number; options: Json[] };
    expect(daily.type).toBe(2);
  });

  it('a second run changes nothing', async () => {
    const seq = w.fake.calls.length;
    const changes = await syncCommands(rest(), { applicationId: APP }, [
      toDiscordCommand(quizCommand),
    ]);
    expect(changes.map((c) => c.action)).toEqual(['keep']);
    expect(writes(seq)).toEqual([]);
    const listing = w.fake.calls.slice(seq).find((c) => c.method === 'GET')!;
    expect(listing.query).toEqual({ with_localizations: 'true' });
  });

  it('a changed description PATCHes that field only; the CLI reports it', async () => {
    const seq = w.fake.calls.length;
    const edited = {
      ...quizCommand,
      description: { en: 'ML interview questions', 'zh-CN': '机器学习面试题' },
    };
    const changes = await syncCommands(rest(), { applicationId: APP }, [toDiscordCommand(edited)]);
    expect(changes).toMatchObject([{ action: 'update', fields: ['description'] }]);
    const [patch, ...more] = writes(seq);
    expect(more).toEqual([]);
    expect(patch?.method).toBe('PATCH');
    expect(patch?.json).toEqual({ description: 'ML interview questions' });

    // Back to the spec through the CLI: one update, then nothing to do.
    const env = {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP,
      DISCORD_API_URL: w.fake.apiUrl,
    };
    const first = await runCli(['commands', 'register'], { env });
    expect(first).toMatchObject({ code: 0, stdout: '/quiz: updated (description) globally\n' });
    const second = await runCli(['commands', 'register', '--json'], { env });
    expect(JSON.parse(second.stdout)).toEqual({
      dryRun: false,
      changes: [{ action: 'keep', name: 'quiz' }],
    });
  });

  it('--guild registers in one server; a stale command there is deleted', async () => {
    const env = {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP,
      DISCORD_API_URL: w.fake.apiUrl,
    };
    await rest().post(Routes.applicationGuildCommands(APP, GUILD), {
      body: { name: 'oldquiz', description: 'from an earlier version' },
    });
    const run = await runCli(['commands', 'register', '--guild', GUILD], { env });
    expect(run.stdout).toBe(
      `/quiz: created in server ${GUILD}\n/oldquiz: deleted in server ${GUILD}\n`,
    );
    expect(w.fake.commands(GUILD).map((c) => c.name)).toEqual(['quiz']);
  });
});
