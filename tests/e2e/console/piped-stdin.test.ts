/**
 * `quizbot start --console` as a real process reading a script from a pipe: commands one a line,
 * the daily flow on the real clock moved by `/clock`, and exit 0 at the end of input.
 */
import { expect, inject, it } from 'vitest';
import { runCli } from '../../support/cli.js';
import { testRedis } from '../../support/redis.js';

it('runs a scripted daily flow and exits at end of input', async () => {
  const redis = await testRedis({ label: 'piped' });
  try {
    // An hour from now on the real clock, so the first firing is inside `/clock +90m`.
    const at = new Date(Date.now() + 60 * 60_000);
    const time = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
    const script = [
      '/quiz show Q3',
      `/quiz daily set time:${time} timezone:UTC reveal-after:2h`,
      '/clock +90m',
      '/as alice',
      '/press rate knew',
      '/as bob',
      '/press rate partly',
      '/clock +3h',
      '/quiz leaderboard',
      '/inbox',
      '/nope',
    ].join('\n');
    const run = await runCli(['start', '--console'], {
      input: `${script}\n`,
      env: {
        REDIS_URL: inject('redisUrl'),
        QUIZBOT_PREFIX: redis.prefix.replace(/:+$/, ''),
        PORT: '0',
      },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Q3 · 卷积扩张卷积的输出 size 的计算');
    expect(out).toContain(`Daily question on: every day at ${time} (UTC)`);
    expect(out).toMatch(/┌ #general · quizbot · .* · m1\n│ Daily question · /);
    expect(out).toContain('Rated "I knew it" (+3 points).');
    expect(out).toContain('Rated "Partly" (+2 points).');
    expect(out).toMatch(/ {4}┌ ↳ thread of m1 · /);
    expect(out).toContain('2 people tried: I knew it 1 · Partly 1');
    expect(out).toMatch(/1\. alice +3 pts/);
    expect(out).toMatch(/card: var\/console\/leaderboard-week-\d{4}-W\d\d\.png/);
    expect(out).toContain('Your inbox is empty.');
    expect(out).toContain('Unknown console command /nope');
  } finally {
    await redis.cleanup();
  }
});
