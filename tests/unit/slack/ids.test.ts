/** Slack keys: the bot's team in channel keys, the person's own team in player keys. */
import { describe, expect, it } from 'vitest';
import {
  channelKey,
  parseChannelKey,
  parseTeamKey,
  parseUserKey,
  teamKey,
  userKey,
} from '../../../src/platforms/slack/ids.js';

describe('Slack ids', () => {
  it('round-trip', () => {
    expect(teamKey('T1')).toBe('slack:team:T1');
    expect(parseTeamKey(teamKey('T0QUIZ'))).toBe('T0QUIZ');
    expect(parseChannelKey(channelKey('T0QUIZ', 'C0DAILY'))).toEqual({
      team: 'T0QUIZ',
      channel: 'C0DAILY',
    });
    expect(parseUserKey(userKey('T0OTHER', 'W0PERSON'))).toEqual({
      team: 'T0OTHER',
      user: 'W0PERSON',
    });
  });

  it.each([
    'discord:guild:1:channel:2',
    'slack:channel:T1',
    'slack:channel:T1:C2:x',
    'slack:channel:t1:c2',
    'slack:user:T1:',
  ])('refuses %s', (key) => {
    expect(parseChannelKey(key)).toBeNull();
    expect(parseUserKey(key)).toBeNull();
  });
});
