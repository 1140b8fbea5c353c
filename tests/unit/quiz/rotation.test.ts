import { describe, expect, it } from 'vitest';
import { pickNext, shuffled } from '../../../src/core/quiz/rotation.js';

describe('rotation', () => {
  const ids = Array.from({ length: 10 }, (_, i) => `Q${i + 1}`);

  it('walks every eligible question once per cycle, then starts a new cycle', () => {
    const used = new Set<string>();
    let cycle = 0;
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      const pick = pickNext('ch', ids, used, cycle)!;
      expect(pick.cycle).toBe(0);
      used.add(pick.questionId);
      seen.push(pick.questionId);
    }
    expect(new Set(seen).size).toBe(10);
    const next = pickNext('ch', ids, used, cycle)!;
    expect(next.cycle).toBe(1);
    cycle = next.cycle;
    expect(ids).toContain(next.questionId);
  });

  it('is deterministic for a channel and differs between channels', () => {
    expect(pickNext('a', ids, new Set(), 0)).toEqual(pickNext('a', ids, new Set(), 0));
    expect(shuffled(ids, 'a#0')).not.toEqual(shuffled(ids, 'b#0'));
    expect([...shuffled(ids, 'a#0')].sort()).toEqual([...ids].sort());
  });

  it('returns null when nothing is eligible', () => {
    expect(pickNext('a', [], new Set(), 0)).toBeNull();
  });
});
