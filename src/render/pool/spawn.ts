/** Starting a render worker from compiled JavaScript (dist) or from TypeScript source (tsx, vitest). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderSettings } from '../pipeline.js';

/** Heap cap for one worker: a formula that balloons kills its worker, not the bot. */
const WORKER_HEAP_MB = 256;

export function spawnRenderWorker(settings: RenderSettings): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const options = {
    workerData: settings,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  };
  if (!fromSource) return new Worker(new URL('./worker.js', import.meta.url), options);
  return new Worker(typeScriptBootstrap(new URL('./worker.ts', import.meta.url)), {
    ...options,
    eval: true,
  });
}

/**
 * Running from TypeScript source (tsx, vitest): neither runner's transform reaches worker
 * threads (tsx registers its hooks on the main thread only), so the worker registers tsx's
 * loader itself before importing its entry. tsx is a dev dependency; dist never takes this path.
 */
function typeScriptBootstrap(entry: URL): string {
  const api = tsxEsmApi().href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}

/** The ESM build of `tsx/esm/api`, found through tsx's own package.json exports map. */
function tsxEsmApi(): URL {
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const target = manifest.exports['./esm/api']?.import?.default;
  if (!target)
    throw new Error('tsx does not export ./esm/api; cannot run render workers from source');
  return new URL(target, pathToFileURL(manifestPath));
}
