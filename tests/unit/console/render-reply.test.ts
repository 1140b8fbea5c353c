import { describe, expect, it } from 'vitest';
import { failureText } from '../../../src/platforms/console/render-reply.js';
import { wordingFor } from '../../../src/platforms/console/wording/index.js';

describe('console failure text', () => {
  it('adds how to become an admin in the console', () => {
    expect(failureText(wordingFor('en'), { code: 'not-admin' })).toBe(
      'Only an admin can do that here. (Console: /admin on makes you one.)',
    );
    expect(failureText(wordingFor('zh-CN'), { code: 'not-admin' })).toBe(
      '只有管理员可以执行此操作。（控制台：/admin on 可设为管理员）',
    );
  });

  it('lists suggestions under an unknown question', () => {
    const suggestions = [
      { id: 'Q4', title: '为什么需要白化', label: 'Q4 · 为什么需要白化' },
      { id: 'Q5', title: '如何进行白化', label: 'Q5 · 如何进行白化' },
    ];
    expect(
      failureText(wordingFor('en'), { code: 'unknown-question', input: '白化吗', suggestions }),
    ).toBe('No question "白化吗".\nDid you mean:\n  Q4 · 为什么需要白化\n  Q5 · 如何进行白化');
    expect(
      failureText(wordingFor('en'), { code: 'unknown-question', input: 'Q99', suggestions: [] }),
    ).toBe('No question "Q99".');
  });
});
