import { createHash } from 'node:crypto';

/** Id of a numbered question: `Q3`. */
export function numberedId(n: number): string {
  return `Q${n}`;
}

/**
 * Id of an unnumbered question: `Q-` and six hex digits of the hash of its normalised title, so it
 * survives reordering and additions; editing the title changes it unless the author pins an id.
 */
export function titleId(title: string): string {
  const normal = title.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  return `Q-${createHash('sha1').update(normal).digest('hex').slice(0, 6)}`;
}

/** Prefix for ids of a second bank whose ids collide with an earlier one: its file name, slugged. */
export function bankSlug(file: string): string {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
  return (
    base
      .replace(/\.[^.]+$/, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'bank'
  );
}
