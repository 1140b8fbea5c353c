/**
 * `npm run bench`: runs each benchmark in its own process (so one's workers, caches and JIT state
 * cannot colour another's numbers). Each writes its own top-level key of bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Benchmarks, in order. Add a file here to include it. */
const BENCHMARKS = ['search.ts', 'render.ts', 'fanout.ts'];

let failed = 0;
for (const file of BENCHMARKS) {
  process.stdout.write(`\n== bench/${file}\n`);
  // process.execArgv carries tsx's loader, so the child runs TypeScript the same way.
  const run = spawnSync(process.execPath, [...process.execArgv, join(import.meta.dirname, file)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    failed++;
    process.stderr.write(`bench/${file} failed (exit ${run.status ?? run.signal})\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
