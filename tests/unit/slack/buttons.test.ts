/** Button meanings carried in action_id + value: round trips, versions and tampering. */
import { describe, expect, it } from 'vitest';
import {
  ACTION_ID_PATTERN,
  type SlackAction,
  decodeAction,
  encodeAction,
} from '../../../src/platforms/slack/buttons.js';

const KEY = 'slack:channel:T0QUIZ0001:C0DAILY001|2025-03-06';
const actions: SlackAction[] = [
  { action: 'reveal', postKey: KEY },
  { action: 'rate', postKey: KEY, rating: 'partly' },
  { action: 'show-answer', questionId: 'Q22' },
  { action: 'compete-answer', competitionId: 'c-1', round: 3, optionId: 'b' },
  { action: 'compete-entry', competitionId: 'c-1', round: 0 },
  { action: 'compete-entry', competitionId: 'c-1', round: 0, value: '42' },
  { action: 'drill-reveal', questionId: 'Q3' },
  { action: 'drill-rate', questionId: 'Q3', rating: 'easy' },
];

describe('button actions', () => {
  it.each(actions)('round-trips $action', (action) => {
    const { action_id, value } = encodeAction(action, 2);
    expect(action_id).toBe(`qz1:${action.action}:2`);
    expect(ACTION_ID_PATTERN.test(action_id)).toBe(true);
    expect(decodeAction(action_id, value)).toEqual({ ok: true, action });
  });

  it('refuses a button from another version', () => {
    expect(decodeAction('qz0:rate:0', JSON.stringify(actions[1]))).toEqual({
      ok: false,
      reason: 'old-version',
    });
  });

  it.each([
    ['not JSON', 'qz1:rate:0', '{rate'],
    ['no value', 'qz1:rate:0', undefined],
    [
      'an unknown rating',
      'qz1:rate:0',
      JSON.stringify({ action: 'rate', postKey: KEY, rating: 'genius' }),
    ],
    ['a missing field', 'qz1:rate:0', JSON.stringify({ action: 'rate', rating: 'knew' })],
    [
      'an extra field',
      'qz1:reveal:0',
      JSON.stringify({ action: 'reveal', postKey: KEY, admin: true }),
    ],
    [
      'id and value disagreeing',
      'qz1:reveal:0',
      JSON.stringify({ action: 'show-answer', questionId: 'Q1' }),
    ],
    ['an unknown action', 'qz1:delete:0', JSON.stringify({ action: 'delete' })],
    [
      'a negative round',
      'qz1:compete-answer:0',
      JSON.stringify({ action: 'compete-answer', competitionId: 'c', round: -1, optionId: 'a' }),
    ],
    ['a malformed id', 'rate', JSON.stringify(actions[1])],
  ])('refuses %s', (_what, id, value) => {
    expect(decodeAction(id, value)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses to build a button Slack would reject', () => {
    expect(() => encodeAction({ action: 'show-answer', questionId: 'Q'.repeat(2100) }, 0)).toThrow(
      RangeError,
    );
  });
});
