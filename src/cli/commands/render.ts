import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import type { FormulaError, FormulaRenderer } from '../../core/ports.js';
import { resolveSettings } from '../../render/pipeline.js';
import { RenderWorkerPool } from '../../render/pool/pool.js';
import { CliError } from '../context.js';
import { positiveInt } from '../options.js';

interface RenderOptions {
  tex?: string;
  jsonl?: string;
  out: string;
  inline?: boolean;
  json?: boolean;
  workers?: number;
}

/** One line of a `--jsonl` report (SPEC contract). Sizes are null when the formula failed. */
export interface RenderItemReport {
  id: string;
  ok: boolean;
  ms: number;
  width: number | null;
  height: number | null;
  bytes: number | null;
  /** A renderer error, or `invalid-input` for a line that is not the expected JSON. */
  error?: { code: FormulaError['code'] | 'invalid-input'; message: string };
}

/** `quizbot render`: one formula to a PNG, or a JSONL batch to a folder with a JSON report. */
export function registerRender(program: Command): void {
  program
    .command('render')
    .description('typeset TeX to PNG: --tex TEX --out FILE.png, or --jsonl FILE --out DIR [--json]')
    .option('--tex <tex>', 'one formula')
    .option('--jsonl <file>', 'a file of {"id","tex","display"} lines')
    .requiredOption('--out <path>', 'the PNG file (--tex) or folder (--jsonl)')
    .option('--inline', 'typeset --tex as inline math instead of display math')
    .option('--json', 'print a JSON report')
    .option('--workers <n>', 'render threads for --jsonl', positiveInt(16))
    .action(async (options: RenderOptions) => {
      if ((options.tex === undefined) === (options.jsonl === undefined)) {
        throw new CliError('give exactly one of --tex TEX or --jsonl FILE', 2);
      }
      // No cache here: the command exists to show what rendering does and costs now.
      const size =
        options.tex !== undefined ? 1 : (options.workers ?? Math.min(4, availableParallelism()));
      const pool = new RenderWorkerPool({ size, settings: resolveSettings() });
      try {
        if (options.tex !== undefined) await renderOne(pool, options.tex, options);
        else await renderBatch(pool, size, options.jsonl!, options);
      } finally {
        await pool.close();
      }
    });
}

async function renderOne(
  pool: FormulaRenderer,
  tex: string,
  options: RenderOptions,
): Promise<void> {
  const item = await renderItem(
    pool,
    { id: 'tex', tex, display: !options.inline },
    () => options.out,
  );
  if (options.json) process.stdout.write(`${JSON.stringify(item)}\n`);
  if (!item.ok) throw new CliError(`${item.error!.code}: ${item.error!.message}`);
  if (!options.json)
    process.stdout.write(
      `wrote ${options.out} (${item.width}×${item.height}, ${item.bytes} bytes)\n`,
    );
}

interface BatchInput {
  id: string;
  tex: string;
  display: boolean;
}

async function renderBatch(
  pool: RenderWorkerPool,
  lanes: number,
  file: string,
  options: RenderOptions,
): Promise<void> {
  const text = await readFile(file, 'utf8').catch((err: Error) => {
    throw new CliError(`cannot read ${file}: ${err.message}`);
  });
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  await mkdir(options.out, { recursive: true });
  const items: RenderItemReport[] = new Array(lines.length);
  const names = new Set<string>();
  let next = 0;
  // One formula per worker at a time, so each `ms` is rendering time rather than queueing.
  const lane = async (): Promise<void> => {
    for (let i = next++; i < lines.length; i = next++) {
      const parsed = parseLine(lines[i]!, i);
      items[i] = parsed.ok
        ? await renderItem(pool, parsed.input, () =>
            join(options.out, fileName(parsed.input.id, names)),
          )
        : parsed.report;
    }
  };
  await pool.ready();
  await Promise.all(Array.from({ length: lanes }, lane));
  const ok = items.filter((item) => item.ok).length;
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ok, failed: items.length - ok, items })}\n`);
    return;
  }
  for (const item of items.filter((i) => !i.ok))
    process.stdout.write(`${item.id}: ${item.error!.code}: ${item.error!.message}\n`);
  process.stdout.write(`${ok} rendered, ${items.length - ok} failed, PNGs in ${options.out}\n`);
}

async function renderItem(
  pool: FormulaRenderer,
  input: BatchInput,
  outPath: () => string,
): Promise<RenderItemReport> {
  const started = performance.now();
  const result = await pool.render(input.tex, { display: input.display });
  const ms = Math.round((performance.now() - started) * 100) / 100;
  if (!result.ok)
    return {
      id: input.id,
      ok: false,
      ms,
      width: null,
      height: null,
      bytes: null,
      error: result.error,
    };
  const path = outPath();
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, result.png);
  return {
    id: input.id,
    ok: true,
    ms,
    width: result.width,
    height: result.height,
    bytes: result.png.byteLength,
  };
}

function parseLine(
  line: string,
  index: number,
): { ok: true; input: BatchInput } | { ok: false; report: RenderItemReport } {
  const fallbackId = `line-${index + 1}`;
  try {
    const value = JSON.parse(line) as { id?: unknown; tex?: unknown; display?: unknown };
    if (typeof value.tex !== 'string') throw new Error('"tex" must be a string');
    const id =
      typeof value.id === 'string' || typeof value.id === 'number' ? String(value.id) : fallbackId;
    return { ok: true, input: { id, tex: value.tex, display: value.display === true } };
  } catch (err) {
    const message = `line ${index + 1} is not {"id","tex","display"}: ${(err as Error).message}`;
    const error = { code: 'invalid-input' as const, message };
    return {
      ok: false,
      report: { id: fallbackId, ok: false, ms: 0, width: null, height: null, bytes: null, error },
    };
  }
}

/** A file name from an id: safe characters only, unique within the batch. */
function fileName(id: string, taken: Set<string>): string {
  const base = id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'formula';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return `${name}.png`;
}
