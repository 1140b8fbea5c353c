/**
 * The daily rotation: each channel walks a shuffled order of the eligible questions without
 * repeats; when every one has been used a new cycle starts with a new order. The choice depends
 * only on (channel, cycle, used ids), so a retried firing picks the same question.
 */

export interface Pick {
  questionId: string;
  cycle: number;
}

/** The next question for a channel, or null when nothing is eligible. */
export function pickNext(
  channel: string,
  eligible: readonly string[],
  used: ReadonlySet<string>,
  cycle: number,
): Pick | null {
  if (eligible.length === 0) return null;
  const fresh = shuffled(eligible, `${channel}#${cycle}`).find((id) => !used.has(id));
  if (fresh) return { questionId: fresh, cycle };
  const next = cycle + 1;
  return { questionId: shuffled(eligible, `${channel}#${next}`)[0]!, cycle: next };
}

/** A deterministic Fisher–Yates shuffle seeded by a string. */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const random = mulberry32(hash(seed));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** FNV-1a, enough to spread seeds. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A small seeded PRNG (public domain mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
