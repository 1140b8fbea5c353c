import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { quizCommand } from '../../commands/quiz.js';
import { runCli } from '../support/cli.js';

/** The top-level names (subcommands and groups) in spec order, as the parser lists them. */
const TOP_LEVEL = quizCommand.subcommands.map((s) => s.name).join(', ');

describe('quizbot start (console)', () => {
  it('answers piped /quiz lines and exits at end of input', async () => {
    const run = await runCli(['start', '--console'], {
      input:
        '/quiz show 3\n/quiz search 白化 limit:2\n/quiz random tag:CI\n/quiz bogus\n/quiz help\n',
      env: { REDIS_URL: inject('redisUrl') },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Q3 · 卷积扩张卷积的输出 size 的计算');
    expect(run.stdout).toMatch(/Q[45] · .*白化[\s\S]*Q[45] · .*白化/);
    expect(run.stdout).toContain('[CI · level 1]');
    expect(run.stdout).toContain(`unknown command "bogus"; try one of: ${TOP_LEVEL}`);
    expect(run.stdout).toContain(
      '/quiz search <query> [tag:…] [limit:…] — Search questions and answers',
    );
  });

  it('a configured Redis that does not answer is one clear line', async () => {
    const run = await runCli(['start', '--console'], { env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /^quizbot: REDIS_URL redis:\/\/127\.0\.0\.1:1 does not answer \(.*\); start that Redis or fix REDIS_URL$/,
    );
  });

  it('a bad variable is named', async () => {
    const run = await runCli(['start'], { env: { PORT: 'eighty' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^PORT: /m);
  });
});
