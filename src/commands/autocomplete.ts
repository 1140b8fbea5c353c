/**
 * Choices for an option being typed, by the option's `autocomplete` kind in the command spec:
 * questions from the search index (ids, titles, typos), the bank's tags (the last of a
 * comma-separated list), IANA time zones. Platform-free: Discord asks for these as the person
 * types; its adapter applies its own limits to the labels.
 */
import type { OptionSpec } from '../../commands/quiz.js';
import type { Catalog } from '../core/catalog.js';
import { suggestionFor } from '../core/search/suggest.js';

export interface Choice {
  /** What the person sees. */
  label: string;
  /** What the option receives when it is picked. */
  value: string;
}

export type AutocompleteKind = NonNullable<OptionSpec['autocomplete']>;

/** At most `limit` choices for `typed`, best first. */
export function autocompleteChoices(
  catalog: Catalog,
  kind: AutocompleteKind,
  typed: string,
  limit: number,
): Choice[] {
  switch (kind) {
    case 'question':
      return questionChoices(catalog, typed, limit);
    case 'tag':
      return tagChoices(catalog.tags(), typed, limit);
    case 'timezone':
      return zoneChoices(typed, limit);
  }
}

function questionChoices(catalog: Catalog, typed: string, limit: number): Choice[] {
  const suggestions = typed.trim()
    ? catalog.index.suggest(typed, limit)
    : catalog.bank.questions.slice(0, limit).map(suggestionFor);
  return suggestions.map((s) => ({ label: s.label, value: s.id }));
}

/** `DL, m` → `DL, ML`: the tags already typed stay, the last one is completed. */
function tagChoices(tags: readonly string[], typed: string, limit: number): Choice[] {
  const cut = Math.max(...[',', '，', '、', ' '].map((sep) => typed.lastIndexOf(sep)));
  const head = cut >= 0 ? typed.slice(0, cut + 1) : '';
  const last = typed
    .slice(cut + 1)
    .trim()
    .toLowerCase();
  const chosen = new Set(
    head
      .split(/[\s,，、]+/)
      .filter(Boolean)
      .map((t) => t.toLowerCase()),
  );
  return tags
    .filter((t) => !chosen.has(t.toLowerCase()) && t.toLowerCase().startsWith(last))
    .slice(0, limit)
    .map((t) => ({ label: `${head}${t}`, value: `${head}${t}` }));
}

const allZones = (): readonly string[] => [
  ...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]),
];

/** Zones whose name contains what was typed (`shang`, `new york`), those starting with it first. */
function zoneChoices(typed: string, limit: number): Choice[] {
  const want = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const score = (zone: string): number => {
    const z = zone.toLowerCase();
    const city = z.slice(z.lastIndexOf('/') + 1);
    if (!want) return 2;
    if (z.startsWith(want) || city.startsWith(want)) return 0;
    return z.includes(want) ? 1 : -1;
  };
  return allZones()
    .map((zone) => ({ zone, rank: score(zone) }))
    .filter((z) => z.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ zone }) => ({ label: zone, value: zone }));
}
