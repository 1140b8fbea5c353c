/** Slash-command text as Slack escapes it, read back for the command parser. */
import { describe, expect, it } from 'vitest';
import { quizCommand, isGroup, type SubcommandSpec } from '../../../commands/quiz.js';
import { parseCommandText } from '../../../src/commands/parse-text.js';
import { readSlackText, withPeople } from '../../../src/platforms/slack/command-text.js';

const statsSpec = quizCommand.subcommands.find(
  (s) => s.name === 'stats' && !isGroup(s),
) as SubcommandSpec;

describe('readSlackText', () => {
  it('unescapes entities and unwraps channels and links', () => {
    expect(readSlackText('search a &lt;b&gt; &amp; c').text).toBe('search a <b> & c');
    expect(readSlackText('search <#C123|general> <https://x.org/a|x.org>').text).toBe(
      'search #general x.org',
    );
    expect(readSlackText('search <https://x.org/a>').text).toBe('search https://x.org/a');
  });

  it('keeps a mention whole, with or without a name, for the parser', () => {
    const { text, mentions } = readSlackText('stats <@U0MEMBER01|max>');
    expect(text).toBe('stats @U0MEMBER01');
    expect(mentions.get('@U0MEMBER01')).toEqual({ user: 'U0MEMBER01', name: 'max' });
    expect(readSlackText('stats user:<@W0ABC>').mentions.get('@W0ABC')).toEqual({
      user: 'W0ABC',
      name: undefined,
    });
  });

  it('turns a mentioned user option into a player, and leaves other values alone', async () => {
    const { text, mentions } = readSlackText('stats <@U0MEMBER01|max>');
    const parsed = parseCommandText(quizCommand, text);
    if (!parsed.ok) throw new Error(parsed.message);
    const options = await withPeople(statsSpec, parsed.options, mentions, async (m) => ({
      player: `slack:user:T1:${m.user}`,
      name: m.name ?? '?',
    }));
    expect(options).toEqual({ user: { player: 'slack:user:T1:U0MEMBER01', name: 'max' } });
    const typed = await withPeople(statsSpec, { user: 'max' }, new Map(), async () => {
      throw new Error('not a mention');
    });
    expect(typed).toEqual({ user: 'max' });
  });
});
