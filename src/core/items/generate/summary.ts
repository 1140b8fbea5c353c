import type { Question } from '../../bank/model.js';
import { type GeneratedItems, groupOf } from './index.js';
import type { RejectReason } from './rules.js';

export interface GroupCount {
  whichQuestion: number;
  cloze: number;
  rejected: number;
}

/** How generation went: items per tag (or section) and rejections per reason, largest first. */
export interface GenerationSummary {
  byGroup: Record<string, GroupCount>;
  byReason: Partial<Record<RejectReason, number>>;
  total: { items: number; rejected: number };
}

/** Counts a generation run; every group with a complete question appears, even with no items. */
export function summarizeGeneration(
  generated: GeneratedItems,
  questions: readonly Question[],
): GenerationSummary {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const byGroup: Record<string, GroupCount> = {};
  const group = (name: string) => (byGroup[name] ??= { whichQuestion: 0, cloze: 0, rejected: 0 });
  for (const q of questions) if (q.complete) group(groupOf(q));
  for (const item of generated.items) {
    const counts = group(groupOf(byId.get(item.sources[0]!)!));
    if (item.kind === 'cloze') counts.cloze++;
    else counts.whichQuestion++;
  }
  const reasons = new Map<RejectReason, number>();
  for (const r of generated.rejected) {
    group(r.group).rejected++;
    reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  }
  const byReason = Object.fromEntries([...reasons].sort((a, b) => b[1] - a[1]));
  return {
    byGroup,
    byReason,
    total: { items: generated.items.length, rejected: generated.rejected.length },
  };
}
