import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../commands/quiz.js';
import type { CommandFailure } from '../../../src/commands/reply.js';
import type { DailySubscription } from '../../../src/core/quiz/types.js';
import type { Notice } from '../../../src/core/quiz/views.js';
import { localeFrom, wordingFor } from '../../../src/i18n/index.js';

const sub: DailySubscription = {
  workspace: 'w',
  channel: 'c',
  time: '09:30',
  timezone: 'Asia/Shanghai',
  tags: ['DL'],
  revealAfterMinutes: 90,
  createdBy: 'p',
  createdAt: '2026-11-26T00:00:00.000Z',
  paused: null,
};

/** One of each failure code (the compiler checks the codes exist; this checks each is worded). */
const failures: CommandFailure[] = [
  { code: 'not-admin' },
  { code: 'bad-time', value: '25:00' },
  { code: 'bad-timezone', value: 'Mars/Base' },
  { code: 'unknown-tags', tags: ['XYZ'], known: ['CI', 'DL'] },
  { code: 'bad-reveal-after', value: 1800 },
  { code: 'no-eligible-questions', tags: ['DL'] },
  { code: 'no-eligible-questions', tags: [] },
  { code: 'missing-permissions', missing: ['Send Messages'] },
  { code: 'no-daily' },
  { code: 'no-open-question' },
  { code: 'already-revealed' },
  { code: 'unknown-post' },
  { code: 'already-posted', postKey: 'k' },
  { code: 'unknown-command', path: 'frobnicate' },
  { code: 'unknown-option', option: 'colour', known: ['id', 'public'] },
  { code: 'unknown-option', option: 'x', known: [] },
  { code: 'missing-option', option: 'timezone' },
  {
    code: 'bad-option',
    option: 'limit',
    value: '26',
    expected: { type: 'integer', min: 1, max: 25 },
  },
  { code: 'bad-option', option: 'public', value: 'maybe', expected: { type: 'boolean' } },
  { code: 'bad-option', option: 'q', value: '', expected: { type: 'text' } },
  { code: 'bad-option', option: 'user', value: 'bob', expected: { type: 'user' } },
  {
    code: 'bad-option',
    option: 'rating',
    value: 'x',
    expected: { type: 'choice', choices: ['a', 'b'] },
  },
  { code: 'bad-duration', option: 'reveal-after', value: 'soon' },
  { code: 'unknown-question', input: 'Q99', suggestions: [] },
  { code: 'empty-query' },
  { code: 'no-hits', query: 'zz' },
  { code: 'no-random', tag: 'nope', known: ['CI'] },
  { code: 'no-random', tag: null, known: [] },
];

const notices: Notice[] = [
  { code: 'daily-set', sub, next: '2026-11-26T01:30:00.000Z' },
  { code: 'daily-off', existed: true },
  { code: 'daily-status', sub: null, next: null, posted: 0 },
  { code: 'daily-status', sub, next: '2026-11-26T01:30:00.000Z', posted: 3 },
  { code: 'daily-posted', postKey: 'k', questionId: 'Q3' },
  { code: 'daily-paused', channel: '#general', reason: 'Missing Access' },
  {
    code: 'rated',
    rating: 'knew',
    previous: null,
    delta: 3,
    streak: { current: 1, best: 1, lastDay: '2026-11-26' },
  },
];

// Markup any platform would misread: Markdown/mrkdwn emphasis, code, links and HTML.
const MARKUP = /[*_`~<>[\]]/;

describe.each<Locale>(['en', 'zh-CN'])('shared wording (%s)', (locale) => {
  const words = wordingFor(locale);

  it.each(failures.map((f) => [f.code, f] as const))('failure %s is plain text', (_code, f) => {
    const text = words.failure(f);
    expect(text.trim()).not.toBe('');
    expect(text).not.toMatch(MARKUP);
    expect(text).not.toContain('undefined');
  });

  it.each(notices.map((n) => [n.code, n] as const))('notice %s is plain text', (_code, n) => {
    const text = words.notice(n);
    expect(text.trim()).not.toBe('');
    expect(text).not.toMatch(MARKUP);
  });
});

describe('wording', () => {
  it('the sentences the console e2e tests read are unchanged', () => {
    const en = wordingFor('en');
    expect(en.failure({ code: 'bad-duration', option: 'reveal-after', value: 'soon' })).toBe(
      'reveal-after: "soon" is not a duration; use 8h, 90m or 1h30m.',
    );
    expect(en.failure({ code: 'not-admin' })).toBe('Only an admin can do that here.');
    expect(wordingFor('zh-CN').failure({ code: 'bad-time', value: '9:99' })).toBe(
      '“9:99”不是有效时间；请用 24 小时制 HH:MM，例如 09:30 或 18:00。',
    );
  });

  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['ZH', 'zh-CN'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['de', 'en'],
    [undefined, 'en'],
    [null, 'en'],
  ] as const)('locale tag %s → %s', (tag, locale) => expect(localeFrom(tag)).toBe(locale));
});
