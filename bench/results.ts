/** bench/results.json: each benchmark owns one top-level key and leaves the others alone. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const RESULTS = join(import.meta.dirname, 'results.json');

/** Replaces `key` in bench/results.json with `value`, stamped with when and where it ran. */
export async function saveResult(key: string, value: object): Promise<void> {
  const previous = await readFile(RESULTS, 'utf8').then(
    (t) => JSON.parse(t) as Record<string, unknown>,
    () => ({}),
  );
  await writeFile(RESULTS, `${JSON.stringify({ ...previous, [key]: value }, null, 2)}\n`);
}
