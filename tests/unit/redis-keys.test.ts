/** The key layout: one namespace per prefix, and ids that cannot collide whatever they contain. */
import { describe, expect, it } from 'vitest';
import { postKeyOf, redisKeys } from '../../src/store/redis/keys.js';

describe('redisKeys', () => {
  const keys = redisKeys('quizbot');

  it('puts every key under the prefix, with or without its trailing colon', () => {
    expect(keys.namespace).toBe('quizbot:');
    expect(redisKeys('qbtest:x:').sub('c')).toBe('qbtest:x:ch:c:sub');
    expect(keys.board('slack:team:T1', 'week', '2025-W10')).toBe(
      'quizbot:ws:slack%3Ateam%3AT1:board:week:2025-W10',
    );
  });

  it('encodes ids so separators and hash tags inside them stay inert', () => {
    expect(keys.player('a:b', 'c')).not.toBe(keys.player('a', 'b:c'));
    expect(keys.post(postKeyOf('x:y', 'z'))).not.toBe(keys.post(postKeyOf('x', 'y:z')));
    expect(keys.names('{ws}')).toBe('quizbot:ws:%7Bws%7D:names');
    expect(keys.lease(postKeyOf('slack:channel:C1', '2025-03-03'))).toBe(
      'quizbot:post:slack%3Achannel%3AC1%7C2025-03-03:lease',
    );
  });

  it('rejects a prefix that could escape its namespace', () => {
    expect(() => redisKeys('')).toThrow(RangeError);
    expect(() => redisKeys('quiz bot')).toThrow(/prefix/);
    expect(() => redisKeys('quiz*')).toThrow(/prefix/);
    expect(() => redisKeys('{quizbot}')).toThrow(/prefix/);
  });
});
