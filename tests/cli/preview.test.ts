/**
 * `quizbot preview` in-process through a small commander program: with a fake renderer for the
 * page's structure, and once with the real renderer (worker pool + cache) for real PNGs.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerPreview, type PreviewDeps } from '../../src/cli/commands/preview.js';
import { CliError } from '../../src/cli/context.js';
import { FakeRenderer, tinyPng } from '../unit/views/fake-renderer.js';

let out: string;
let stdout: string;

beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'quizbot-preview-'));
  stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(out, { recursive: true, force: true });
});

async function preview(
  args: string[],
  deps?: PreviewDeps,
  bank = 'data/questions.md',
): Promise<void> {
  const program = new Command('quizbot').exitOverride();
  registerPreview(program, deps);
  await program.parseAsync(['node', 'quizbot', 'preview', ...args, '--bank', bank]);
}

const fake: PreviewDeps = { createRenderer: () => new FakeRenderer() };

describe('quizbot preview', () => {
  it('writes index.html with Discord and Slack side by side and the formula images beside it', async () => {
    await preview(['Q22', '--out', out], fake);
    const files = (await readdir(out)).sort();
    expect(files).toEqual([
      'formula-1.png',
      'formula-2.png',
      'formula-3.png',
      'formula-4.png',
      'formula-5.png',
      'formula-6.png',
      'index.html',
    ]);
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('<section class="client discord">');
    expect(html).toContain('<section class="client slack">');
    expect(html).toContain('Q22 · 手推逻辑回归');
    // Images are referenced relatively, with the TeX as alt text.
    expect(html).toMatch(
      /<img class="formula" src="formula-1\.png" alt="\\nabla_w\(\\mathcal\{L\}\)"/,
    );
    expect(html.match(/src="formula-\d\.png"/g)!.length).toBe(2 * 6);
    expect(html).toContain('6/10 attachments');
    expect(stdout).toMatch(
      /^wrote .*index\.html: Discord 1 message\(s\), Slack 1 message\(s\), 6 image\(s\)\n$/,
    );
  });

  it('--no-answer previews the question alone with a reveal button', async () => {
    await preview(['22', '--out', out, '--no-answer'], fake);
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('Reveal answer');
    expect(html).not.toContain('formula-1.png');
  });

  it('splits the longest question over two Discord messages and one Slack message', async () => {
    await preview(['NAS 前沿工作', '--out', out], fake);
    expect(stdout).toContain('Discord 2 message(s), Slack 1 message(s)');
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('message 2 of 2');
  });

  it('copies local figures next to index.html and notes missing ones', async () => {
    const bankDir = path.join(out, 'bank');
    await mkdir(path.join(bankDir, 'assets'), { recursive: true });
    await writeFile(path.join(bankDir, 'assets', 'net.png'), tinyPng(30, 20));
    await writeFile(
      path.join(bankDir, 'q.md'),
      '#### Q1: 网络结构\n\n**Answer: **\n\n结构如下：\n\n![结构图](assets/net.png)\n\n![gone](assets/gone.png)\n',
    );
    const site = path.join(out, 'site');
    await preview(['Q1', '--out', site], fake, path.join(bankDir, 'q.md'));
    expect((await readdir(site)).sort()).toEqual(['figure-1.png', 'index.html']);
    const html = await readFile(path.join(site, 'index.html'), 'utf8');
    expect(html).toContain('<img class="figure" src="figure-1.png" alt="结构图">');
    expect(html).toContain('Figure not available: gone');
  });

  it('an unknown id is a one-line error with suggestions', async () => {
    await expect(preview(['densnet', '--out', out], fake)).rejects.toThrow(CliError);
    await expect(preview(['densnet', '--out', out], fake)).rejects.toThrow(
      /no question "densnet"; did you mean/,
    );
  });

  it('requires --out', async () => {
    await expect(preview(['Q22'], fake)).rejects.toThrow(/required option '--out <dir>'/);
  });

  it('with the real renderer writes real PNGs of the sizes the page declares', async () => {
    await preview(['Q22', '--out', out]);
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    for (const file of (await readdir(out)).filter((f) => f.endsWith('.png'))) {
      const png = await readFile(path.join(out, file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const width = png.readUInt32BE(16);
      const declared = new RegExp(`src="${file}"[^>]* width="(\\d+)"`).exec(html);
      expect(declared, file).not.toBeNull();
      // CSS width = PNG width ÷ scale (2).
      expect(Math.abs(Number(declared![1]) * 2 - width)).toBeLessThanOrEqual(1);
    }
    expect(stdout).not.toContain('failed');
  }, 60_000);
});
