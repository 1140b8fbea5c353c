import { hash, mulberry32 } from '../quiz/rotation.js';

/** A seeded source of randomness: everything about items is reproducible from a seed string. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * A PRNG for one purpose (`seed` plus a label such as an item's candidate key). Separate streams per
 * candidate keep an item's options unchanged when other questions are added to the bank.
 */
export function createRng(seed: string, label = ''): Rng {
  const next = mulberry32(hash(label ? `${seed}\u0000${label}` : seed));
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}
