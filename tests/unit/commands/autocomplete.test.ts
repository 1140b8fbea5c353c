import { describe, expect, it } from 'vitest';
import { autocompleteChoices } from '../../../src/commands/autocomplete.js';
import { defaultCatalog } from '../../support/jobs-harness.js';

describe('autocomplete choices (shared, used by Discord)', () => {
  it('questions: by title in Chinese, by id prefix, and the first ones for empty input', async () => {
    const catalog = await defaultCatalog();
    expect(autocompleteChoices(catalog, 'question', '白化', 25).map((c) => c.value)).toEqual(
      expect.arrayContaining(['Q4', 'Q5']),
    );
    expect(autocompleteChoices(catalog, 'question', 'q22', 5)[0]).toEqual({
      label: 'Q22 · 手推逻辑回归',
      value: 'Q22',
    });
    expect(autocompleteChoices(catalog, 'question', '', 3).map((c) => c.value)).toEqual([
      'Q1',
      'Q2',
      'Q3',
    ]);
  });

  it('tags: the last of a comma-separated list is completed, chosen ones are not offered again', async () => {
    const catalog = await defaultCatalog();
    expect(autocompleteChoices(catalog, 'tag', 'd', 25)).toEqual([{ label: 'DL', value: 'DL' }]);
    expect(autocompleteChoices(catalog, 'tag', 'DL,', 25).map((c) => c.value)).toEqual([
      'DL,CI',
      'DL,ML',
    ]);
  });

  it('time zones: city prefixes first, spaces read as underscores', () => {
    const catalog = null as never;
    expect(autocompleteChoices(catalog, 'timezone', 'new york', 5)[0]?.value).toBe(
      'America/New_York',
    );
    expect(autocompleteChoices(catalog, 'timezone', 'utc', 1)).toEqual([
      { label: 'UTC', value: 'UTC' },
    ]);
    expect(autocompleteChoices(catalog, 'timezone', '', 25)).toHaveLength(25);
  });
});
