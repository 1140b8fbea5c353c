import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerRender, type RenderItemReport } from '../../../src/cli/commands/render.js';
import { CliError } from '../../../src/cli/context.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizbot-render-cli-'));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** Runs `quizbot render …` in-process, as src/cli/main.ts will once it registers the command. */
async function run(...args: string[]): Promise<string> {
  const program = new Command('quizbot').exitOverride();
  registerRender(program);
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'quizbot', 'render', ...args]);
  } finally {
    vi.mocked(process.stdout.write).mockRestore();
  }
  return out;
}

describe('quizbot render --tex', () => {
  it('writes a PNG of the stated size', async () => {
    const out = join(dir, 'new-folder', 'f.png');
    const printed = await run('--tex', '\\hat{y} = \\sigma(w^Tx + b)', '--out', out);
    expect(printed).toMatch(/^wrote .*f\.png \(\d+×\d+, \d+ bytes\)\n$/);
    const meta = await sharp(await readFile(out)).metadata();
    expect(meta.format).toBe('png');
  });

  it('typesets inline math smaller than display math', async () => {
    const tex = '\\sum_{i=1}^n x_i';
    const inline = JSON.parse(
      await run('--tex', tex, '--inline', '--out', join(dir, 'i.png'), '--json'),
    ) as RenderItemReport;
    const display = JSON.parse(
      await run('--tex', tex, '--out', join(dir, 'd.png'), '--json'),
    ) as RenderItemReport;
    expect(inline.height!).toBeLessThan(display.height!);
  });

  it('fails with the TeX error as a CliError', async () => {
    await expect(run('--tex', '\\nope', '--out', join(dir, 'x.png'))).rejects.toThrow(
      /tex-error: .*\\nope/,
    );
  });

  it('needs exactly one of --tex and --jsonl', async () => {
    await expect(run('--out', join(dir, 'x.png'))).rejects.toBeInstanceOf(CliError);
  });
});

describe('quizbot render --jsonl --json', () => {
  it('renders each line to DIR and prints one JSON report in the SPEC shape', async () => {
    const input = join(dir, 'in.jsonl');
    const lines = [
      { id: 'a/1', tex: 'x^2', display: false },
      { id: 'b', tex: '\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}', display: true },
      { id: 'bad', tex: '\\frac{1}', display: false },
    ];
    await writeFile(input, `${lines.map((l) => JSON.stringify(l)).join('\n')}\nnot json\n`);
    const outDir = join(dir, 'out');
    const report = JSON.parse(await run('--jsonl', input, '--out', outDir, '--json')) as {
      ok: number;
      failed: number;
      items: RenderItemReport[];
    };
    expect(report.ok).toBe(2);
    expect(report.failed).toBe(2);
    expect(report.items.map((i) => i.id)).toEqual(['a/1', 'b', 'bad', 'line-4']);
    const [a, b, bad, junk] = report.items;
    expect(a).toMatchObject({
      ok: true,
      width: expect.any(Number),
      height: expect.any(Number),
      bytes: expect.any(Number),
    });
    expect(a!.ms).toBeGreaterThan(0);
    expect(b!.ok).toBe(true);
    expect(bad).toMatchObject({ ok: false, width: null, error: { code: 'tex-error' } });
    expect(junk).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await readFile(join(outDir, 'a_1.png'))).byteLength).toBe(a!.bytes);
  });
});
