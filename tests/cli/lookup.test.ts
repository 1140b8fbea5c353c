import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('quizbot show / search / random', () => {
  it('show prints the question, key points, answer and formulas as TeX', async () => {
    const run = await runCli(['show', 'q3']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Q3 · 卷积扩张卷积的输出 size 的计算 {2}\[DL · level 1\]/);
    expect(run.stdout).toContain('Key points: size 公式，理解方式，Dilation Conv size 公式');
    expect(run.stdout).toContain('\\left \\lfloor \\frac{(W + 2P - K )} {S} \\right \\rfloor + 1');
    expect(run.stdout).toContain('[figure 1583232870263.png is not available]');
  });

  it('show --json gives the parsed question', async () => {
    const run = await runCli(['show', '22', '--json']);
    const q = JSON.parse(run.stdout);
    expect(q).toMatchObject({ id: 'Q22', title: '手推逻辑回归', tags: ['DL'] });
    expect(q.answer.length).toBeGreaterThan(5);
  });

  it('show an unknown id exits 1 with a suggestion', async () => {
    const run = await runCli(['show', 'densnet']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^quizbot: no question "densnet"; did you mean .*Q29 · 如何避免 densenet 中的显存过大问题/,
    );
  });

  it('search ranks 白化 → Q4/Q5 and honours --limit and --json', async () => {
    const run = await runCli(['search', '白化', '--json', '--limit', '2']);
    expect(run.code).toBe(0);
    const { hits } = JSON.parse(run.stdout);
    expect(hits.map((h: { id: string }) => h.id).sort()).toEqual(['Q4', 'Q5']);
  });

  it('search rejects a bad --limit with a clear message', async () => {
    const run = await runCli(['search', 'BN', '--limit', 'lots']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      "option '--limit <n>' argument 'lots' is invalid. expected a whole number from 1 to 50",
    );
  });

  it('random --tag picks a complete question with that tag', async () => {
    const run = await runCli(['random', '--tag', 'ml', '--json']);
    const q = JSON.parse(run.stdout);
    expect(q.tags).toEqual(['ML']);
    expect(q.complete).toBe(true);
  });

  it('random with an unknown tag names the known ones', async () => {
    const run = await runCli(['random', '--tag', 'XX']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'no complete question has tag "XX"; tags in this bank: CI, DL, ML',
    );
  });
});
