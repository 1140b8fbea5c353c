/**
 * Formula rendering benchmark (issue 3): MathJax start-up, per-formula TeX→SVG and SVG→PNG over
 * the bank and the KaTeX corpus (ours and a plain mathjax-full + sharp baseline), whole-bank
 * pre-render wall time on the worker pool, cache hits, the Q22 lookup, PNG bytes.
 * Writes the `render` key of bench/results.json. Run with `npm run bench`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { saveResult } from './results.js';

const ROOT = resolve(import.meta.dirname, '..');

interface Formula {
  tex: string;
  display: boolean;
  line: number;
}

interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0);
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: round(s.at(-1) ?? 0) };
}

const round = (n: number) => Math.round(n * 100) / 100;
const median = (xs: number[]) => stats(xs).p50;

async function bankFormulas(): Promise<Formula[]> {
  const [{ unified }, { default: remarkParse }, { default: remarkMath }, { visit }] =
    await Promise.all([
      import('unified'),
      import('remark-parse'),
      import('remark-math'),
      import('unist-util-visit'),
    ]);
  const tree = unified()
    .use(remarkParse)
    .use(remarkMath)
    .parse(await readFile(join(ROOT, 'data', 'questions.md'), 'utf8'));
  const out: Formula[] = [];
  visit(tree, (node) => {
    if (node.type === 'math' || node.type === 'inlineMath') {
      out.push({
        tex: node.value,
        display: node.type === 'math',
        line: node.position?.start.line ?? 0,
      });
    }
  });
  return out;
}

async function corpusFormulas(): Promise<Formula[]> {
  const text = await readFile(join(ROOT, 'tests', 'fixtures', 'tex-formulas.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => ({ ...(JSON.parse(l) as { tex: string; display: boolean }), line: 0 }));
}

/** Lines of question `Q22` in data/questions.md: from its heading to the next one. */
async function questionLines(id: string): Promise<[number, number]> {
  const lines = (await readFile(join(ROOT, 'data', 'questions.md'), 'utf8')).split('\n');
  const start = lines.findIndex((l) => new RegExp(`^#### ${id}\\s*:`).test(l)) + 1;
  const end = lines.findIndex((l, i) => i >= start && l.startsWith('#### ')) + 1;
  return [start, end > 0 ? end : lines.length + 1];
}

async function mathjaxStartup(): Promise<number> {
  const t0 = performance.now();
  const [{ createTexEngine }, { DEFAULT_LIMITS }] = await Promise.all([
    import('../src/render/mathjax/engine.js'),
    import('../src/render/limits.js'),
  ]);
  const engine = createTexEngine(DEFAULT_LIMITS);
  engine.toSvg('x', false);
  return performance.now() - t0;
}

/** Our pipeline in-process, one formula at a time: a warm-up pass, then three measured passes. */
async function perFormula(formulas: Formula[]) {
  const { createPipeline, resolveSettings } = await import('../src/render/pipeline.js');
  const pipeline = createPipeline(resolveSettings());
  const tex: number[] = [];
  const png: number[] = [];
  const bytes: number[] = [];
  let ok = 0;
  for (let pass = 0; pass < 4; pass++) {
    for (const f of formulas) {
      const r = await pipeline.render(f.tex, f.display);
      if (pass === 0) {
        if (r.ok) {
          ok++;
          bytes.push(r.png.byteLength);
        }
        continue;
      }
      tex.push(r.timings.texMs);
      if (r.ok) png.push(r.timings.pngMs);
    }
  }
  return {
    formulas: formulas.length,
    ok,
    texToSvgMs: stats(tex),
    svgToPngMs: stats(png),
    pngBytes: { ...stats(bytes), total: bytes.reduce((a, b) => a + b, 0) },
  };
}

/** The reference: mathjax-full with AllPackages, sharp with defaults, one at a time. */
async function plainBaseline(formulas: Formula[]) {
  const [
    { mathjax },
    { TeX },
    { SVG },
    { liteAdaptor },
    { RegisterHTMLHandler },
    { AllPackages },
    { default: sharp },
  ] = await Promise.all([
    import('mathjax-full/js/mathjax.js'),
    import('mathjax-full/js/input/tex.js'),
    import('mathjax-full/js/output/svg.js'),
    import('mathjax-full/js/adaptors/liteAdaptor.js'),
    import('mathjax-full/js/handlers/html.js'),
    import('mathjax-full/js/input/tex/AllPackages.js'),
    import('sharp'),
  ]);
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const doc = mathjax.document('', {
    InputJax: new TeX({ packages: AllPackages }),
    OutputJax: new SVG({ fontCache: 'local' }),
  });
  const tex: number[] = [];
  const png: number[] = [];
  for (let pass = 0; pass < 4; pass++) {
    for (const f of formulas) {
      const t0 = performance.now();
      let svg: string;
      try {
        svg = adaptor.innerHTML(doc.convert(f.tex, { display: f.display }));
      } catch {
        continue;
      }
      const t1 = performance.now();
      await sharp(Buffer.from(svg))
        .png()
        .toBuffer()
        .catch(() => null);
      const t2 = performance.now();
      if (pass > 0) {
        tex.push(t1 - t0);
        png.push(t2 - t1);
      }
    }
  }
  return { texToSvgMs: stats(tex), svgToPngMs: stats(png) };
}

/** Pool + disk cache as production builds them; each cold run gets an empty cache directory. */
async function poolRuns(bank: Formula[], q22: Formula[]) {
  const { RenderWorkerPool } = await import('../src/render/pool/pool.js');
  const { CachedFormulaRenderer } = await import('../src/render/cache/cached-renderer.js');
  const { DiskFormulaCache } = await import('../src/render/cache/disk-cache.js');
  const { resolveSettings } = await import('../src/render/pipeline.js');
  const { prerenderFormulas, formulasNeedingImages } = await import('../src/render/prerender.js');
  const settings = resolveSettings();
  const t0 = performance.now();
  const pool = new RenderWorkerPool({ size: 2, settings });
  await pool.ready();
  const poolReadyMs = performance.now() - t0;
  const dirs: string[] = [];
  const fresh = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quizbot-bench-'));
    dirs.push(dir);
    return new CachedFormulaRenderer(
      pool,
      new DiskFormulaCache({ dir, maxBytes: 64 << 20 }),
      settings,
    );
  };
  const wall = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const images = formulasNeedingImages(bank);
  const all: number[] = [];
  const imagesOnly: number[] = [];
  const q22Cold: number[] = [];
  for (let run = 0; run < 5; run++) {
    all.push(await wall(async () => prerenderFormulas(await fresh(), bank)));
    imagesOnly.push(await wall(async () => prerenderFormulas(await fresh(), images)));
    const r = await fresh();
    q22Cold.push(
      await wall(() => Promise.all(q22.map((f) => r.render(f.tex, { display: f.display })))),
    );
  }
  const warm = await fresh();
  await prerenderFormulas(warm, bank);
  const hits: number[] = [];
  for (const f of bank) {
    const t = performance.now();
    await warm.render(f.tex, { display: f.display });
    hits.push(performance.now() - t);
  }
  const q22Cached: number[] = [];
  for (let run = 0; run < 5; run++)
    q22Cached.push(
      await wall(() => Promise.all(q22.map((f) => warm.render(f.tex, { display: f.display })))),
    );
  await pool.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  return {
    workers: 2,
    poolReadyMs: round(poolReadyMs),
    wholeBank: { formulas: bank.length, coldWallMs: all.map(round), medianMs: median(all) },
    bankImagesOnly: {
      formulas: images.length,
      coldWallMs: imagesOnly.map(round),
      medianMs: median(imagesOnly),
    },
    cacheHitMs: stats(hits),
    q22: {
      formulas: q22.length,
      coldWallMs: q22Cold.map(round),
      coldMedianMs: median(q22Cold),
      cachedWallMs: q22Cached.map(round),
      cachedMedianMs: median(q22Cached),
    },
  };
}

async function main(): Promise<void> {
  const load = loadavg()[0]!;
  const mathjaxStartupMs = round(await mathjaxStartup());
  const bank = await bankFormulas();
  const corpus = await corpusFormulas();
  const [q22Start, q22End] = await questionLines('Q22');
  const q22 = bank.filter((f) => f.line > q22Start && f.line < q22End);
  const { resolveSettings } = await import('../src/render/pipeline.js');
  const settings = resolveSettings();
  const render = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: process.version,
      loadAverageAtStart: round(load),
    },
    runner: 'tsx (TypeScript compiled on load, in the workers too)',
    settings: { emPx: settings.card.emPx, scale: settings.card.scale, png: settings.png },
    mathjaxStartupMs,
    bank: await perFormula(bank),
    corpus: await perFormula(corpus),
    plainBaseline: { bank: await plainBaseline(bank), corpus: await plainBaseline(corpus) },
    pool: await poolRuns(bank, q22),
  };
  await saveResult('render', render);
  process.stdout.write(`${JSON.stringify(render, null, 2)}\n`);
}

await main();
