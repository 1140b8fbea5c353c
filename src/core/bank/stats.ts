import type { Bank } from './model.js';
import { formulasOf, imagesOf } from './walk.js';

/** The `quizbot bank stats --json` contract. */
export interface BankStats {
  questions: number;
  byTag: Record<string, number>;
  untagged: number;
  incomplete: string[];
  formulas: { display: number; inline: number };
  images: { found: number; missing: number; remote: number };
  errors: string[];
  warnings: number;
  files: string[];
}

/** Counts what a bank holds, for authors and for the stats command. */
export function bankStats(bank: Bank): BankStats {
  const byTag: Record<string, number> = {};
  let untagged = 0;
  const formulas = { display: 0, inline: 0 };
  const images = { found: 0, missing: 0, remote: 0 };
  for (const q of bank.questions) {
    if (q.tags.length === 0) untagged++;
    for (const tag of q.tags) byTag[tag] = (byTag[tag] ?? 0) + 1;
    for (const f of formulasOf([...q.lead, ...q.answer]))
      formulas[f.display ? 'display' : 'inline']++;
    for (const { image } of imagesOf([...q.lead, ...q.answer])) {
      images[image.status === 'local' ? 'found' : image.status]++;
    }
  }
  return {
    questions: bank.questions.length,
    byTag,
    untagged,
    incomplete: bank.questions.filter((q) => !q.complete).map((q) => q.id),
    formulas,
    images,
    errors: bank.issues
      .filter((i) => i.severity === 'error')
      .map((i) => `${i.file}:${i.line}: ${i.message}`),
    warnings: bank.issues.filter((i) => i.severity === 'warning').length,
    files: bank.files,
  };
}
