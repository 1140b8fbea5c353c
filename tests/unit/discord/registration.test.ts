import type { APIApplicationCommand } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { quizCommand } from '../../../commands/quiz.js';
import { planSync } from '../../../src/platforms/discord/registration/diff.js';
import { toDiscordCommand } from '../../../src/platforms/discord/registration/to-discord.js';

type Json = Record<string, unknown>;

/** What Discord answers for a registered command: its defaults filled in, empty values left out. */
function asDiscordReturnsIt(body: Json): APIApplicationCommand {
  const strip = (o: Json): Json => {
    const out: Json = {};
    for (const [k, v] of Object.entries(o)) {
      if (v === false || v === undefined) continue; // `required: false` comes back absent
      out[k] = Array.isArray(v) && k === 'options' ? (v as Json[]).map(strip) : v;
    }
    return out;
  };
  return {
    ...strip(body),
    id: '1',
    application_id: '2',
    version: '3',
    name_localizations: null,
    dm_permission: true,
    nsfw: false,
  } as unknown as APIApplicationCommand;
}

describe('registration diff', () => {
  const desired = toDiscordCommand(quizCommand);

  it('a command as Discord returns it counts as unchanged', () => {
    const registered = asDiscordReturnsIt(desired as unknown as Json);
    expect(planSync([desired], [registered])).toEqual([{ action: 'keep', id: '1', name: 'quiz' }]);
  });

  it('one changed option description PATCHes the options only', () => {
    const registered = asDiscordReturnsIt(desired as unknown as Json);
    const options = structuredClone(registered.options!) as unknown as Json[];
    (options[0] as Json).description = 'old words';
    const changes = planSync(
      [desired],
      [{ ...registered, options } as unknown as APIApplicationCommand],
    );
    expect(changes).toMatchObject([{ action: 'update', fields: ['options'] }]);
    expect(Object.keys((changes[0] as { patch: Json }).patch)).toEqual(['options']);
  });

  it('missing localizations (fetched without with_localizations) would show as a change', () => {
    const registered = asDiscordReturnsIt(desired as unknown as Json);
    const bare = { ...registered, description_localizations: undefined };
    expect(planSync([desired], [bare as APIApplicationCommand])).toMatchObject([
      { action: 'update', fields: ['description_localizations'] },
    ]);
  });

  it('creates what is missing and deletes what the spec no longer has', () => {
    const stale = { ...asDiscordReturnsIt(desired as unknown as Json), id: '9', name: 'old' };
    expect(planSync([desired], [stale]).map((c) => [c.action, c.name])).toEqual([
      ['create', 'quiz'],
      ['delete', 'old'],
    ]);
  });

  it('puts required options first and never both autocomplete and choices on one option', () => {
    const walk = (o: Json): Json[] => [
      o,
      ...((o.options as Json[] | undefined) ?? []).flatMap(walk),
    ];
    const all = walk(desired as unknown as Json);
    for (const o of all) expect(Boolean(o.autocomplete && o.choices)).toBe(false);
    for (const sub of all.filter((o) => o.type === 1)) {
      const required = ((sub.options as Json[]) ?? []).map((o) => o.required === true);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    }
  });
});
