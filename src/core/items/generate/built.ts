import type { Question } from '../../bank/model.js';
import type { RejectReason } from './rules.js';

/** A generator's answer for one candidate: the item, or why there is none. */
export type Built<T> = { ok: true; item: T } | { ok: false; reason: RejectReason; detail: string };

/** Options per item: the right one and up to three others. */
export const OPTION_COUNT = 4;
/** Fewer titles than this (a tag with three questions gives three) and the item is refused. */
export const MIN_OPTION_COUNT = 3;
export const OPTION_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

/** A refusal with the reason `items sample --explain` shows. */
export function reject<T>(reason: RejectReason, detail: string): Built<T> {
  return { ok: false, reason, detail };
}

/** Tags an item carries: the question's tags, then its sections. */
export function tagsOf(question: Question): string[] {
  return [...new Set([...question.tags, ...question.sections])];
}
