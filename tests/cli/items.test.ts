/**
 * `quizbot items lint` and `quizbot items sample`. Driven in-process through commander (the
 * command's own registration), and as a real subprocess once main.ts lists registerItems.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerItems } from '../../src/cli/commands/items.js';
import { CliError } from '../../src/cli/context.js';
import { type CliRun, runCli } from '../support/cli.js';

/** Runs `quizbot …args` in this process with only the items commands, capturing output. */
async function runItems(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const program = new Command('quizbot').exitOverride();
  registerItems(program);
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'quizbot', ...args]);
    return { code: typeof process.exitCode === 'number' ? process.exitCode : 0, stdout, stderr };
  } catch (error) {
    if (error instanceof CliError)
      return { code: error.exitCode, stdout, stderr: `${stderr}quizbot: ${error.message}\n` };
    if (error instanceof CommanderError) return { code: error.exitCode, stdout, stderr };
    throw error;
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

afterEach(() => vi.restoreAllMocks());

async function brokenItemsFile(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'qb-items-cli-'));
  const file = path.join(dir, 'broken.yaml');
  await writeFile(
    file,
    [
      'items:',
      '  - id: conv',
      '    type: numeric',
      '    sources: [Q3]',
      '    tags: [DL]',
      '    prompt: "W = {{W}}"',
      '    explanation: e',
      '    params:',
      '      W: { range: [1, 9] }',
      '    answer: W + X',
      '  - id: pick',
      '    type: choice',
      '    sources: [Q3]',
      '    tags: [DL]',
      '    prompt: p',
      '    explanation: e',
      '    options: { a: x, b: y }',
      '',
    ].join('\n'),
  );
  return file;
}

describe('quizbot items (in-process)', () => {
  it('lint: the shipped items are clean', async () => {
    const run = await runItems(['items', 'lint']);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^\d+ valid item\(s\) in \d+ file\(s\): 0 problem\(s\)\n$/);
    expect(run.code).toBe(0);
  });

  it('lint: a broken file gives file:line: message and exit 1', async () => {
    const file = await brokenItemsFile();
    const run = await runItems(['items', 'lint', file]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toEqual([
      `${file}:10: conv: unknown parameter "X" in "W + X" (params: W)`,
      `${file}:11: pick: missing "answer"`,
    ]);
    expect(run.stderr).toContain('0 valid item(s) in 1 file(s): 2 problem(s)');
  });

  it('sample --json: seeded, with answers, the same twice', async () => {
    const run = await runItems(['items', 'sample', '--n', '6', '--seed', 'demo', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.seed).toBe('demo');
    expect(out.items).toHaveLength(6);
    for (const item of out.items) expect(item).toHaveProperty('answer');
    const again = await runItems(['items', 'sample', '--n', '6', '--seed', 'demo', '--json']);
    expect(again.stdout).toBe(run.stdout);
    const other = await runItems(['items', 'sample', '--n', '6', '--seed', 'other', '--json']);
    expect(other.stdout).not.toBe(run.stdout);
  });

  it('sample mixes generated and authored items, and prints them readably', async () => {
    const run = await runItems(['items', 'sample', '--n', '40', '--seed', 'mix']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[1/40] ');
    expect(run.stdout).toContain('answer: ');
    expect(run.stdout).toContain('generated which-question');
    expect(run.stdout).toMatch(/data\/items\/\w+\.yaml:\d+/);
    expect(run.stderr).toMatch(/^seed: mix \(\d+ items in the pool\)/);
  });

  it('sample without --seed picks one and prints it', async () => {
    const run = await runItems(['items', 'sample', '--n', '1']);
    expect(run.stderr).toMatch(/^seed: [0-9a-f]{8} /);
  });

  it('sample --tag keeps to the tag (case-insensitive)', async () => {
    const run = await runItems([
      'items',
      'sample',
      '--tag',
      'ml',
      '--n',
      '100',
      '--seed',
      't',
      '--json',
    ]);
    const { items } = JSON.parse(run.stdout) as { items: { tags: string[] }[] };
    expect(items.length).toBeGreaterThan(10);
    expect(items.every((i) => i.tags.includes('ML'))).toBe(true);
  });

  it('sample --tag with no items names the tags that have some', async () => {
    const run = await runItems(['items', 'sample', '--tag', 'nope']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('quizbot: no items with tag "nope"; tags with items: CI, DL, ML\n');
  });

  it('sample --explain reports items per tag and every rejection with its reason', async () => {
    const run = await runItems(['items', 'sample', '--n', '1', '--seed', 'x', '--explain']);
    expect(run.stdout).toContain('per tag or section:');
    expect(run.stdout).toContain('  DL: 71 items (61 which-question, 10 cloze)');
    expect(run.stdout).toContain('  CI: 0 items (0 which-question, 0 cloze)');
    expect(run.stdout).toMatch(/rejections by reason:\n {2}contains-title-words: \d+/);
    expect(run.stdout).toMatch(/Q8:\d+ which-question link-only/);
    const json = JSON.parse(
      (await runItems(['items', 'sample', '--n', '1', '--seed', 'x', '--explain', '--json']))
        .stdout,
    );
    expect(json.summary.byGroup.ML).toEqual({
      whichQuestion: 10,
      cloze: 0,
      rejected: expect.any(Number),
    });
    expect(json.rejected.length).toBe(json.summary.total.rejected);
  });

  it('sample --bank uses another bank and leaves out items written for the default one', async () => {
    const run = await runItems([
      'items',
      'sample',
      '--n',
      '10',
      '--seed',
      'b',
      '--json',
      '--bank',
      'tests/fixtures/banks/ajitsingh98/deep_learning_fundamentals.md',
    ]);
    const { items } = JSON.parse(run.stdout) as { items: { id: string; sources: string[] }[] };
    expect(items).toHaveLength(10);
    for (const item of items) expect(item.sources[0]).toMatch(/^Q-/);
    expect(run.stderr).not.toContain('problem');
  });

  it('rejects a bad --n', async () => {
    const run = await runItems(['items', 'sample', '--n', '0']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('expected a whole number from 1 to 500');
  });
});

describe('quizbot items (subprocess)', () => {
  it('lint exits 0 on the shipped items and 1 with file:line on a broken file', async () => {
    expect((await runCli(['items', 'lint'])).code).toBe(0);
    const file = await brokenItemsFile();
    const run = await runCli(['items', 'lint', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${file}:11: pick: missing "answer"`);
  });

  it('sample --json prints one JSON object', async () => {
    const run = await runCli(['items', 'sample', '--n', '3', '--seed', 's', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).items).toHaveLength(3);
  });
});
