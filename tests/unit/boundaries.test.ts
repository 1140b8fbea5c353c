/**
 * Architecture rules as tests (STYLE.md): the quiz core stays platform-free, platforms stay apart,
 * and only src/config.ts reads the environment.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const src = join(root, 'src');

function tsFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return /\.(c|m)?tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, statically or with `import()`. */
function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

const FORBIDDEN_IN_CORE = [
  /^discord\.js$/,
  /^@discordjs\//,
  /^@slack\//,
  /^ioredis$/,
  /^bullmq$/,
  /^sharp$/,
  /^mathjax-full(\/|$)/,
  /^pino(\/|$|-)/,
];

const rel = (path: string) => relative(root, path).split(sep).join('/');

describe('import scanner', () => {
  it('sees static, type-only, re-exported and dynamic imports', () => {
    const found = importsOf(`
      import a from 'a'; import type { B } from "b"; export * from './c.js';
      import './d.js'; const e = await import('e'); // import x from 'commented'
    `);
    expect(found).toEqual(['a', 'b', './c.js', './d.js', 'e']);
  });
});

describe('boundaries', () => {
  const coreDir = join(src, 'core');
  const coreFiles = tsFiles(coreDir);

  it('finds the core', () => {
    expect(coreFiles.length).toBeGreaterThan(0);
  });

  it('src/core imports no platform library, Redis, BullMQ, sharp, MathJax or pino', () => {
    const violations = coreFiles.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => FORBIDDEN_IN_CORE.some((re) => re.test(spec)))
        .map((spec) => `${rel(file)} imports ${spec}`),
    );
    expect(violations).toEqual([]);
  });

  it('src/core imports nothing outside src/core', () => {
    const violations = coreFiles.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => spec.startsWith('.') || spec.startsWith('/'))
        .filter((spec) => {
          const target = resolve(dirname(file), spec);
          return target !== coreDir && !target.startsWith(coreDir + sep);
        })
        .map((spec) => `${rel(file)} imports ${spec}`),
    );
    expect(violations).toEqual([]);
  });

  it('no platform imports another platform', () => {
    const platformsDir = join(src, 'platforms');
    const violations = tsFiles(platformsDir).flatMap((file) => {
      const own = relative(platformsDir, file).split(sep)[0];
      return importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative(platformsDir, resolve(dirname(file), spec)).split(sep))
        .filter((parts) => parts[0] !== '..' && parts.length > 1 && parts[0] !== own)
        .map((parts) => `${rel(file)} imports platforms/${parts.join('/')}`);
    });
    expect(violations).toEqual([]);
  });

  it('the shared command layer and wording import no platform, store, job or runtime code', () => {
    const shared = [join(src, 'commands'), join(src, 'i18n')];
    const files = shared.flatMap(tsFiles);
    expect(files.length).toBeGreaterThan(0);
    const outside = ['platforms', 'store', 'jobs', 'runtime', 'render', 'http', 'cli'].map((d) =>
      join(src, d),
    );
    const violations = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter(
          (spec) =>
            FORBIDDEN_IN_CORE.some((re) => re.test(spec)) ||
            (spec.startsWith('.') &&
              outside.some((dir) => resolve(dirname(file), spec).startsWith(dir + sep))),
        )
        .map((spec) => `${rel(file)} imports ${spec}`),
    );
    expect(violations).toEqual([]);
  });

  it('src/config.ts is the only file under src/ that reads process.env', () => {
    const readsEnv =
      /\bprocess\s*(\.\s*env\b|\[\s*['"`]env['"`]\s*\])|\{[^}]*\benv\b[^}]*\}\s*from\s*['"](node:)?process['"]/;
    const readers = tsFiles(src)
      .filter((file) => readsEnv.test(readFileSync(file, 'utf8')))
      .map(rel);
    expect(readers).toEqual(['src/config.ts']);
  });
});
