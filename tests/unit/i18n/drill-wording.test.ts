/** Every drill notice, failure and card phrase is worded, as plain text, in both languages. */
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../commands/quiz.js';
import type { DrillReplyFailure } from '../../../src/commands/reply.js';
import type { DrillSubscription } from '../../../src/core/drills/types.js';
import type { DrillNotice } from '../../../src/core/drills/views.js';
import { drillWordingFor } from '../../../src/i18n/drill/index.js';
import { cardFront } from '../../../src/core/drills/card-views.js';
import { makeQuestion } from '../../support/question-factory.js';

const sub: DrillSubscription = {
  workspace: 'w',
  player: 'p',
  name: 'ann',
  channel: 'c',
  time: '21:00',
  timezone: 'Asia/Shanghai',
  tags: [],
  perDay: 3,
  createdAt: '2026-03-01T13:00:00.000Z',
};
const streak = { current: 2, best: 5, lastDay: '2026-03-02' };

const notices: DrillNotice[] = [
  { code: 'drill-started', sub, next: '2026-03-02T13:00:00.000Z' },
  { code: 'drill-started', sub: { ...sub, tags: ['DL', 'ML'], perDay: 1 }, next: sub.createdAt },
  { code: 'drill-stopped', existed: true },
  { code: 'drill-stopped', existed: false },
  { code: 'drill-delivered', cards: 1 },
  { code: 'drill-nothing-due', nextDueDay: '2026-03-05' },
  { code: 'drill-nothing-due', nextDueDay: null },
  { code: 'drill-dm-refused', reason: 'Cannot send messages to this user', at: sub.createdAt },
  {
    code: 'drill-stats',
    player: 'p',
    name: 'ann',
    timezone: 'Asia/Shanghai',
    streak,
    reviews: { total: 20, last30Days: 12, recalledLast30Days: 9 },
    recallRate: 0.75,
    dueToday: 2,
    dueThisWeek: 6,
    learned: 9,
  },
  {
    code: 'drill-stats',
    player: 'p',
    name: 'ann',
    timezone: null,
    streak: { current: 0, best: 0, lastDay: null },
    reviews: { total: 0, last30Days: 0, recalledLast30Days: 0 },
    recallRate: null,
    dueToday: 0,
    dueThisWeek: 0,
    learned: 0,
  },
];

const failures: DrillReplyFailure[] = [
  { code: 'bad-time', value: '25:00' },
  { code: 'bad-timezone', value: 'Mars/Base' },
  { code: 'unknown-tags', tags: ['XYZ'], known: ['DL'] },
  { code: 'no-eligible-questions', tags: ['DL'] },
  { code: 'bad-per-day', value: 0, min: 1, max: 50 },
  { code: 'no-drill' },
  { code: 'dm-closed', reason: 'Cannot send messages to this user' },
  { code: 'no-session' },
  { code: 'not-in-session', questionId: 'Q3' },
  { code: 'unknown-question', questionId: 'Q3' },
  { code: 'drills-unavailable' },
];

// Markup any platform would misread: Markdown/mrkdwn emphasis, code, links and HTML.
const MARKUP = /[*_`~<>[\]]/;
const plain = (text: string) => {
  expect(text.trim()).not.toBe('');
  expect(text).not.toMatch(MARKUP);
  expect(text).not.toMatch(/undefined|null|NaN/);
};

describe.each<Locale>(['en', 'zh-CN'])('drill wording (%s)', (locale) => {
  const words = drillWordingFor(locale);

  it.each(notices.map((n, i) => [`${n.code} #${i}`, n] as const))('notice %s', (_name, n) =>
    plain(words.notice(n, 'UTC')),
  );

  it.each(failures.map((f) => [f.code, f] as const))('failure %s', (_code, f) =>
    plain(words.failure(f)),
  );

  it('words the cards, ratings and summary', () => {
    const card = cardFront(makeQuestion({ id: 'Q3', title: 'T' }), { index: 1, total: 5 }, false);
    plain(
      words.sessionHeader({ kind: 'drill-session', day: '2026-03-02', reviews: 2, fresh: 3, card }),
    );
    plain(
      words.sessionHeader({ kind: 'drill-session', day: '2026-03-02', reviews: 0, fresh: 1, card }),
    );
    plain(words.cardHeader({ index: 2, total: 5 }, true));
    plain(words.answerHeader({ index: 2, total: 5 }));
    plain(words.ratingButton('good', 3));
    plain(
      words.rated({
        questionId: 'Q3',
        rating: 'again',
        intervalDays: 1,
        dueDay: '2026-03-03',
        nextAt: '2026-03-03T13:00:00.000Z',
      }),
    );
    plain(
      words.summary({
        kind: 'drill-summary',
        rated: 3,
        again: 1,
        nextDueDay: null,
        nextAt: null,
        streak,
      }),
    );
  });
});

describe('drill wording', () => {
  it('reads days as the day itself, whatever the zone', () => {
    expect(drillWordingFor('en').day('2026-03-05')).toBe('Thu 5 Mar');
    expect(drillWordingFor('zh-CN').day('2026-03-05')).toBe('3月5日周四');
    expect(
      drillWordingFor('en').notice(
        notices.find((n) => n.code === 'drill-stats')!,
        'UTC',
      ),
    ).toContain('recall 75%');
  });
});
