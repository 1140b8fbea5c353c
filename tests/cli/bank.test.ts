import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('quizbot bank', () => {
  it('stats --json reports the default bank', async () => {
    const run = await runCli(['bank', 'stats', '--json']);
    expect(run.code).toBe(0);
    const stats = JSON.parse(run.stdout);
    expect(stats).toMatchObject({
      questions: 47,
      byTag: { DL: 35, ML: 3, CI: 3 },
      incomplete: ['Q-d4ac85', 'Q-7711e3', 'Q-3f4b12', 'Q-202d4c', 'Q-a08e4f'],
      formulas: { display: 14, inline: 131 },
      images: { found: 0, missing: 10 },
      errors: [],
    });
    expect(Object.values(stats.byTag as Record<string, number>).reduce((a, b) => a + b)).toBe(41);
  });

  it('stats --bank reads another bank (ajitsingh98: 134 questions)', async () => {
    const run = await runCli([
      'bank',
      'stats',
      '--json',
      '--bank',
      'tests/fixtures/banks/ajitsingh98/deep_learning_fundamentals.md',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).questions).toBe(134);
  });

  it('stats honours BANK_PATH', async () => {
    const run = await runCli(['bank', 'stats', '--json'], {
      env: { BANK_PATH: 'tests/fixtures/banks/ajitsingh98' },
    });
    expect(JSON.parse(run.stdout).questions).toBe(134);
  });

  it('lint on the default bank prints warnings with file:line and exits 0', async () => {
    const run = await runCli(['bank', 'lint']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'data/questions.md:785: warning: Q-d4ac85 is incomplete: the answer has empty sub-sections',
    );
    expect(run.stdout).toContain(
      'data/questions.md:967: warning: Q-202d4c is incomplete: the question has no answer yet',
    );
    expect(run.stdout).toContain(
      'data/questions.md:69: warning: figure questions.assets/1583232870263.png is not in the bank folder',
    );
    expect(run.stderr).toContain('0 error(s), 16 warning(s)');
  });

  it('lint exits 1 with file:line for a broken bank', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'qb-lint-'));
    const file = path.join(dir, 'broken.md');
    await writeFile(
      file,
      '#### Q1: ok\n\ntext\n\n#### Q2: broken\n\n$$\n\\frac{a}{b}\n\n#### Q3: swallowed\n',
    );
    const run = await runCli(['bank', 'lint', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${file}:7: error: display math "$$" opened here is never closed`);
  });

  it('a bank path that does not exist is one clear line', async () => {
    const run = await runCli(['bank', 'stats', '--bank', 'nope.md']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('quizbot: bank path nope.md cannot be read (ENOENT)');
  });
});
