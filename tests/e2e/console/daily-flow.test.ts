/**
 * The daily question end to end through the console adapter: real Redis, real BullMQ, the real
 * renderer and card, and bot time on a manual clock moved with `/clock`. One bot per file; the
 * steps run in order and each checks what a person would see.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/time/clock.js';
import { wallClock, zonedInstant } from '../../../src/core/time/zone.js';
import { dailySchedulerId } from '../../../src/jobs/ids.js';
import { silentLogger } from '../../../src/jobs/observe.js';
import { createJobQueue } from '../../../src/jobs/queue.js';
import { type ConsoleBot, startConsoleBot } from '../../support/console-bot.js';

// The BullMQ cron runs on real time; pick a zone where 09:30 is hours away from now, so a real
// firing cannot land in the middle of the test. Bot time starts at 08:00 there either way.
const ZONE = [8, 9, 10, 11].includes(wallClock(new Date(), 'Asia/Shanghai').hour)
  ? 'Europe/Berlin'
  : 'Asia/Shanghai';
// Thursday 6 March 2025, ISO week 10.
const START = zonedInstant('2025-03-06', '08:00', ZONE);
const GENERAL = 'console:ch:general';

let c: ConsoleBot;
beforeAll(async () => {
  c = await startConsoleBot({ clockBase: new ManualClock(START) });
});
afterAll(() => c?.cleanup());

describe('daily set: invalid input and permissions are worded clearly', () => {
  it.each([
    [`time:25:00 timezone:${ZONE}`, '"25:00" is not a time of day; use 24-hour HH:MM'],
    ['time:09:30 timezone:Mars/Olympus', '"Mars/Olympus" is not a time zone; use an IANA name'],
    [
      `time:09:30 timezone:${ZONE} tags:XYZ`,
      'No questions are tagged XYZ. Tags in the bank: CI, DL, ML.',
    ],
    [`time:09:30 timezone:${ZONE} reveal-after:soon`, 'reveal-after: "soon" is not a duration'],
    [
      `time:09:30 timezone:${ZONE} reveal-after:30h`,
      'The answer must come 1 minute to 23 hours after the question, not 30h.',
    ],
    ['time:09:30', 'quiz daily set needs timezone: IANA time zone'],
  ])('daily set %s', async (args, message) => {
    expect(await c.send(`/quiz daily set ${args}`)).toContain(message);
  });

  it('in Chinese after /lang zh', async () => {
    await c.send('/lang zh');
    expect(await c.send(`/quiz daily set time:9:99 timezone:${ZONE}`)).toContain(
      '“9:99”不是有效时间；请用 24 小时制 HH:MM',
    );
    await c.send('/lang en');
  });

  it('refuses a non-admin', async () => {
    expect(await c.send('/as bob')).toContain('You are bob in #general.');
    for (const command of [`daily set time:09:30 timezone:${ZONE}`, 'daily now', 'daily off']) {
      expect(await c.send(`/quiz ${command}`)).toContain('Only an admin can do that here.');
    }
    expect(await c.send('/quiz daily status')).toContain('No daily question in this channel.');
    await c.send('/as you');
  });

  it('says what permission the bot lacks', async () => {
    await c.send('/perms deny');
    expect(await c.send(`/quiz daily set time:09:30 timezone:${ZONE}`)).toContain(
      'The bot cannot post in this channel: it needs Send Messages.',
    );
    await c.send('/perms allow');
    expect(await c.bot.deps.subscriptions.get(GENERAL)).toBeNull();
  });
});

describe('a day of the daily question', () => {
  it('daily set stores the subscription and a BullMQ job scheduler', async () => {
    const reply = await c.send(`/quiz daily set time:09:30 timezone:${ZONE} reveal-after:2h`);
    expect(reply).toContain(
      `Daily question on: every day at 09:30 (${ZONE}), all tags, answer 2h later. Next: Thu 6 Mar, 09:30.`,
    );
    const queue = createJobQueue({ redisUrl: c.redis.url, prefix: c.prefix, logger: silentLogger });
    try {
      const scheduler = await queue.getJobScheduler(dailySchedulerId(GENERAL));
      expect(scheduler).toMatchObject({ pattern: '30 9 * * *', tz: ZONE });
    } finally {
      await queue.close();
    }
    expect(await c.send('/clock')).toContain(`Bot time: Thu 6 Mar, 08:00 (${ZONE}).`);
  });

  it('moving the clock past 09:30 posts the question with its buttons', async () => {
    const out = await c.send('/clock +2h');
    expect(out).toMatch(
      /┌ #general · quizbot · Thu 6 Mar, 09:30 · m1\n│ Daily question · 2025-03-06\n│ Q\S+ · /,
    );
    expect(out).toContain('│ The answer comes Thu 6 Mar, 11:30.');
    expect(out).toContain("│ [ I knew it ] [ Partly ] [ I didn't know ] [ Show answer ]");
    expect(out).toContain('⏩ Thu 6 Mar, 09:30 daily #general: posted');
    expect(out).toContain(
      'Clock moved from Thu 6 Mar, 08:00 to Thu 6 Mar, 10:00; 1 scheduled thing ran.',
    );
    expect(out).not.toContain('thread of m1'); // the answer is not out yet
  });

  it('several people rate; a changed mind moves the points once; a repeat changes nothing', async () => {
    await c.send('/as alice');
    expect(await c.send('/press rate knew')).toContain(
      'Rated "I knew it" (+3 points). Streak: 1 day.',
    );
    expect(await c.send('/press knew')).toContain(
      'You already rated this "I knew it"; nothing changed.',
    );
    await c.send('/as bob');
    expect(await c.send('/press rate partly')).toContain('Rated "Partly" (+2 points).');
    expect(await c.send('/press rate knew')).toContain(
      'Changed from "Partly" to "I knew it" (+1 point).',
    );
    await c.send('/as 小明');
    expect(await c.send('/quiz answer missed')).toContain('Rated "I didn\'t know" (+1 point).');
    expect(await c.send('/press reveal')).toMatch(
      /Only you can see this — the answer to Q\S+:\nQ\S+ · /,
    );
    expect(await c.send('/press maybe')).toContain(
      'The latest post has no "maybe" button; it has knew (I knew it)',
    );
  });

  it('the reveal goes into the thread with the recap, and ratings close', async () => {
    const out = await c.send('/clock +2h');
    expect(out).toMatch(/ {4}┌ ↳ thread of m1 · Thu 6 Mar, 11:30 · m2\n {4}│ Answer · Q\S+ · /);
    expect(out).toContain("    │ 3 people tried: I knew it 2 · Partly 0 · I didn't know 1");
    expect(out).toContain('⏩ Thu 6 Mar, 11:30 reveal: revealed');
    expect(await c.send('/quiz answer knew')).toContain(
      'The answer is already out, so ratings for that question are closed.',
    );
  });

  it('the leaderboard comes as text and as a PNG card', async () => {
    const out = await c.send('/quiz leaderboard');
    expect(out).toContain('Weekly leaderboard · 2025-W10 · 3 players');
    // alice and bob tie, so both are first and 小明 is third.
    expect(out).toMatch(
      /🥇 {2}1\. alice +3 pts\n🥇 {2}1\. bob +3 pts\n🥉 {2}3\. 小明 +1 pt {2}← you/,
    );
    const card = /card: (.+\.png)/.exec(out)?.[1];
    expect(card && existsSync(card)).toBe(true);
    const meta = await sharp(readFileSync(card!)).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1120 });
    expect(await c.send('/quiz stats')).toContain(
      '小明: this week 1 (#3) · this month 1 (#3) · all time 1 (#3) points',
    );
  });

  it('days later: one post a day, and the week closes with the final board posted', async () => {
    // Thu 12:00 → Mon 00:00: Fri, Sat and Sun post and reveal; the week closes at midnight.
    const out = await c.send('/clock +3d12h');
    for (const day of ['2025-03-07', '2025-03-08', '2025-03-09']) {
      expect(out.split(`Daily question · ${day}`)).toHaveLength(2);
    }
    expect(out).toContain('⏩ Mon 10 Mar, 00:00 period-close (week): closed');
    expect(out).toMatch(
      /┌ #general · quizbot · Mon 10 Mar, 00:00 · m\d+\n│ Weekly leaderboard — final · 2025-W10 · 3 players/,
    );
    const cards = readdirSync(c.imageDir).filter((f) => f.includes('-board-week-2025-W10'));
    expect(cards).toHaveLength(1);
    const posts = await c.bot.deps.daily.rotation(GENERAL);
    expect(posts.used).toHaveLength(4);
    expect(await c.send('/quiz daily status')).toContain(
      'Next: Mon 10 Mar, 09:30. 4 questions posted',
    );
  });

  it('the leaderboard card also renders for the new, empty week', async () => {
    const out = await c.send('/quiz leaderboard week');
    expect(out).toContain('Weekly leaderboard · 2025-W11 · 0 players');
    expect(out).toContain("No points yet — rate today's question to get on the board.");
    expect(existsSync(join(c.imageDir, 'leaderboard-week-2025-W11.png'))).toBe(true);
  });
});

describe('metrics and health of the same bot', () => {
  it('/healthz is 200 with Redis, the worker and the console up', async () => {
    const res = await fetch(`http://127.0.0.1:${c.bot.httpPort}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ok: true,
      checks: { redis: { ok: true }, jobs: { ok: true }, adapters: { ok: true, console: true } },
    });
  });

  it('/metrics carries the command, render, job and process metrics', async () => {
    const res = await fetch(`http://127.0.0.1:${c.bot.httpPort}/metrics`);
    const text = await res.text();
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(text).toMatch(
      /quizbot_commands_total\{command="quiz daily set",platform="console",outcome="refused"\} \d+/,
    );
    expect(text).toMatch(/quizbot_command_duration_seconds_bucket\{.*command="quiz leaderboard"/);
    expect(text).toMatch(
      /quizbot_posts_total\{platform="console",kind="daily-question",result="ok"\} 4/,
    );
    for (const name of [
      'quizbot_jobs_processed_total',
      'quizbot_jobs_failed_total',
      'quizbot_job_lag_seconds',
      'quizbot_formula_renders_total',
      'quizbot_formula_cache_hits_total',
      'quizbot_adapter_up',
      'process_cpu_user_seconds_total',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });
});
