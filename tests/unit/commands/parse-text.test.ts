import { describe, expect, it } from 'vitest';
import { quizCommand } from '../../../commands/quiz.js';
import { helpText } from '../../../src/commands/help.js';
import { parseCommandText, splitWords } from '../../../src/commands/parse-text.js';
import { leaves } from '../../../src/commands/spec.js';

const parse = (text: string) => parseCommandText(quizCommand, text);
/** The top-level names (subcommands and groups) in spec order, as the parser lists them. */
const TOP_LEVEL = quizCommand.subcommands.map((s) => s.name).join(', ');

describe('parseCommandText', () => {
  it('reads a positional id and named options', () => {
    const r = parse('/quiz show Q3 public:true');
    expect(r).toMatchObject({
      ok: true,
      subcommand: { name: 'show' },
      options: { id: 'Q3', public: true },
    });
  });

  it('joins free words into the positional query, with options anywhere', () => {
    const r = parse('/quiz search densenet limit:3 显存');
    expect(r).toMatchObject({ ok: true, options: { query: 'densenet 显存', limit: 3 } });
  });

  it('keeps quoted text together', () => {
    expect(splitWords('search "a b" tag:"Optimization and Loss"')).toEqual([
      'search',
      'a b',
      'tag:Optimization and Loss',
    ]);
    expect(parse('/quiz random tag:"Optimization and Loss"')).toMatchObject({
      ok: true,
      options: { tag: 'Optimization and Loss' },
    });
  });

  it('defaults to help for a bare /quiz', () => {
    expect(parse('/quiz')).toMatchObject({ ok: true, subcommand: { name: 'help' } });
  });

  it('explains an unknown subcommand, option, bad value and missing option', () => {
    expect(parse('/quiz frobnicate')).toMatchObject({
      ok: false,
      code: 'unknown-subcommand',
      message: `unknown command "frobnicate"; try one of: ${TOP_LEVEL}`,
    });
    expect(parse('/quiz random colour:red')).toMatchObject({
      ok: false,
      code: 'unknown-option',
      message: 'random does not take "colour"; it takes tag:, public:',
    });
    expect(parse('/quiz search x limit:99')).toMatchObject({
      ok: false,
      code: 'bad-value',
      message: 'limit: expected 1 to 25, got "99"',
    });
    expect(parse('/quiz search x limit:many')).toMatchObject({ ok: false, code: 'bad-value' });
    expect(parse('/quiz show Q3 public:maybe')).toMatchObject({
      ok: false,
      code: 'bad-value',
      message: 'public: expected true or false, got "maybe"',
    });
    expect(parse('/quiz show')).toMatchObject({ ok: false, code: 'missing-option' });
    expect(parse('/quiz help extra')).toMatchObject({ ok: false, code: 'unknown-option' });
  });

  it('reads subcommand groups and choices', () => {
    expect(
      parse('/quiz daily set time:9:30 timezone:Asia/Shanghai tags:DL,ML reveal-after:2h'),
    ).toMatchObject({
      ok: true,
      path: ['daily', 'set'],
      options: { time: '9:30', timezone: 'Asia/Shanghai', tags: 'DL,ML', 'reveal-after': '2h' },
    });
    expect(parse('/quiz daily')).toMatchObject({
      ok: false,
      code: 'unknown-subcommand',
      message: 'daily needs one of: set, off, now, status',
    });
    expect(parse('/quiz daily set time:09:30')).toMatchObject({
      ok: false,
      code: 'missing-option',
      message: 'quiz daily set needs timezone: IANA time zone, e.g. Asia/Shanghai',
    });
    expect(parse('/quiz answer KNEW')).toMatchObject({
      ok: true,
      path: ['answer'],
      options: { rating: 'knew' },
    });
    expect(parse('/quiz answer maybe')).toMatchObject({
      ok: false,
      code: 'bad-value',
      message: 'rating: expected one of knew, partly, missed, got "maybe"',
    });
    expect(parse('/quiz leaderboard month')).toMatchObject({
      ok: true,
      options: { period: 'month' },
    });
  });

  it('lets a URL-like word be part of a query', () => {
    expect(parse('/quiz search http://x.y')).toMatchObject({
      ok: true,
      options: { query: 'http://x.y' },
    });
  });
});

describe('helpText', () => {
  it('lists every subcommand with its options, in English and Chinese', () => {
    const en = helpText(quizCommand, 'en');
    const zh = helpText(quizCommand, 'zh-CN');
    // Help lists leaves (`/quiz daily set`), not groups: every leaf, in both languages.
    for (const leaf of leaves(quizCommand)) {
      expect(en).toContain(`/quiz ${leaf.key}`);
      expect(zh).toContain(leaf.spec.description['zh-CN']);
    }
    expect(en).toContain('/quiz show <id> [public:…] — Show a question and its answer');
  });
});
