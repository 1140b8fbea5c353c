/**
 * The Discord adapter with competitions and drills: a five-round competition in a channel played
 * by three people answering at different moments (option buttons, and a modal for typed answers),
 * and a drill delivered by DM and worked through with its buttons, plus the one-time note in the
 * channel for a person whose DMs are closed. Bot time moves with the jobs layer's fast-forward.
 */
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseRounds } from '../../../src/core/competitions/pool.js';
import type { Item } from '../../../src/core/items/model.js';
import { deliverDue } from '../../../src/core/drills/deliver.js';
import { fastForward, type MovableClock } from '../../../src/jobs/fast-forward.js';
import {
  ALICE,
  BOB,
  CAROL,
  DAVE,
  GENERAL,
  GUILD,
  type DiscordWorld,
  startDiscordWorld,
} from './harness.js';

let w: DiscordWorld;
beforeAll(async () => {
  w = await startDiscordWorld();
});
afterAll(() => w?.cleanup());

type Json = Record<string, unknown>;
const buttonsOf = (message: APIMessage | Json | undefined) =>
  (
    ((message as Json | undefined)?.components ?? []) as {
      components: { custom_id: string; label: string }[];
    }[]
  ).flatMap((row) => row.components);

/** Moves bot time, running every job that falls due (round opens and closes, deliveries). */
const advance = (ms: number) =>
  fastForward({
    context: {
      deps: w.bot.deps,
      catalog: w.bot.catalog,
      competitions: w.services.competitions?.deps,
      drills: w.services.drills,
    },
    clock: w.bot.deps.clock as MovableClock,
    durationMs: ms,
  });

const CHANNEL = `discord:channel:${GUILD}:${GENERAL}`;

describe('a five-round competition', () => {
  type Input = { kind: 'option'; optionId: string } | { kind: 'entry'; value: string };
  const right = (item: Item): Input => {
    if (item.kind === 'numeric') return { kind: 'entry', value: String(item.answer) };
    if (item.kind === 'cloze') return { kind: 'option', optionId: item.answerOption };
    return item.answer.length === 1
      ? { kind: 'option', optionId: item.answer[0]! }
      : { kind: 'entry', value: item.answer.join(' ') };
  };
  const wrong = (item: Item): Input => {
    if (item.kind === 'numeric') return { kind: 'entry', value: String(item.answer * 1000 + 7) };
    const options = item.options.map((o) => o.id);
    const good = item.kind === 'cloze' ? [item.answerOption] : item.answer;
    const bad = options.find((o) => !good.includes(o))!;
    return item.kind === 'choice' && item.answer.length > 1
      ? { kind: 'entry', value: bad }
      : { kind: 'option', optionId: bad };
  };

  /** One person's answer to the round message: a click, or a click that opens a modal and its submission. */
  async function answer(round: APIMessage, user: string, input: Input): Promise<string> {
    const buttons = buttonsOf(round);
    if (input.kind === 'option') {
      const button = buttons.find(
        (b) => b.custom_id.startsWith('q1:pick:') && b.label === input.optionId,
      )!;
      const reply = await w.fake
        .dispatchButton({ messageId: round.id, customId: button.custom_id, user })
        .callback();
      return String(reply.data?.content);
    }
    const entry = buttons.find((b) => b.custom_id.startsWith('q1:type:'))!;
    const opener = w.fake.dispatchButton({ messageId: round.id, customId: entry.custom_id, user });
    const modal = await opener.callback();
    expect(modal.type).toBe(9);
    expect(modal.data?.custom_id).toBe(entry.custom_id);
    const submitted = await w.fake
      .dispatchModalSubmit({ from: opener, values: { value: input.value } })
      .callback();
    expect(submitted.data?.flags).toBe(64);
    return String(submitted.data?.content);
  }

  it('start, five rounds answered at different moments, results and final standings', async () => {
    // A competition id is its seed: pick one whose rounds need both buttons and the modal.
    const { deps, pool } = w.services.competitions!;
    const seed = Array.from({ length: 500 }, (_, i) => `discord-e2e-${i}`).find((s) => {
      const inputs = chooseRounds(pool, { n: 5, tags: [], seed: s }).map((i) => right(i).kind);
      return inputs.includes('entry') && inputs.filter((k) => k === 'option').length >= 2;
    })!;
    deps.newId = () => seed;
    const start = await w.fake
      .dispatchCommand({
        command: 'quiz compete start',
        options: { rounds: 5, seconds: 20 },
        user: ALICE,
        channelId: GENERAL,
      })
      .callback();
    expect(String(start.data?.content)).toMatch(/^Competition on: 5 rounds of 20 s/);
    const store = w.services.competitions!.deps.competitions;
    const id = (await store.runningIn(CHANNEL))!;
    const competition = (await store.get(id))!;
    const kinds = competition.items.map((i) => right(i).kind);
    expect(kinds).toContain('entry');
    expect(kinds).toContain('option');
    await advance(6_000);

    for (let round = 0; round < 5; round++) {
      const title = `Round ${round + 1} of 5`;
      const message = await w.fake.waitFor(() =>
        w.fake.messages(GENERAL).find((m) => m.embeds[0]?.title === title),
      );
      const item = competition.items[round]!;
      // Bob answers right after 1 s, Carol right after 3 s, Dave wrong after 4 s.
      await advance(1_000);
      expect(await answer(message, BOB, right(item))).toMatch(/^Answer locked in for round/);
      await advance(2_000);
      expect(await answer(message, CAROL, right(item))).toMatch(/^Answer locked in/);
      await advance(1_000);
      expect(await answer(message, DAVE, wrong(item))).toMatch(/^Answer locked in/);
      // A second answer from Bob does not count.
      const again = await answer(message, BOB, right(item));
      expect(again).toContain('only your first answer counts');
      // To a second after the next round opens: a round is 20 s, then a 5 s pause.
      await advance(21_000);
      const result = await w.fake.waitFor(() =>
        w.fake.messages(GENERAL).find((m) => m.embeds[0]?.title === `${title} · result`),
      );
      expect(result.embeds[0]?.description).toContain('3 answers, 2 right.');
      expect(result.embeds[0]?.description).not.toMatch(/\$/);
    }
    const final = await w.fake.waitFor(() =>
      w.fake.messages(GENERAL).find((m) => /final standings/i.test(m.embeds[0]?.title ?? '')),
    );
    const lines = final.embeds[0]!.description!.split('\n');
    // Bob was faster every round, so he leads; Dave got nothing right.
    expect(lines[0]).toContain('Bob');
    expect(lines[1]).toContain('Carol');
    expect(final.embeds[0]!.description).toContain('Dave');
  });
});

describe('drills by DM', () => {
  it('drill start, a delivery by DM, Show answer and a rating with the buttons', async () => {
    const started = await w.fake
      .dispatchCommand({
        command: 'quiz drill start',
        options: { time: '07:00', timezone: 'UTC', 'per-day': 2 },
        user: BOB,
        channelId: GENERAL,
      })
      .callback();
    expect(String(started.data?.content)).toMatch(/^Drill on/);
    const now = await w.fake
      .dispatchCommand({ command: 'quiz drill now', user: BOB, channelId: GENERAL })
      .callback();
    expect(String(now.data?.content)).toBe('Sent you 2 cards by direct message.');
    const dm = w.fake.dmChannels().find((c) => c.recipients?.[0]?.id === BOB)!;
    const [card] = w.fake.messages(dm.id);
    expect(card?.content).toMatch(/^\*\*Drill · /);
    const [reveal] = buttonsOf(card);
    expect(reveal).toMatchObject({ label: 'Show answer' });
    expect(reveal!.custom_id).toMatch(/^q1:card:/);

    const answerSide = await w.fake
      .dispatchButton({ messageId: card!.id, customId: reveal!.custom_id, user: BOB })
      .callback();
    const back = answerSide.type === 5 ? undefined : answerSide.data;
    expect(answerSide.data?.flags ?? 0).toBe(0);
    const backMessage = back
      ? w.fake.messages(dm.id).at(-1)!
      : await w.fake.waitFor(() => w.fake.messages(dm.id).find((m) => m.id !== card!.id));
    const ratings = buttonsOf(backMessage);
    expect(ratings.map((b) => b.label.split(' · ')[0])).toEqual(['Again', 'Hard', 'Good', 'Easy']);
    const good = ratings.find((b) => b.custom_id.startsWith('q1:grade:good:'))!;
    const next = await w.fake
      .dispatchButton({ messageId: backMessage.id, customId: good.custom_id, user: BOB })
      .callback();
    expect(String(next.data?.content)).toMatch(/^Good — Q\S+ comes back in \d+ days?/);
  });

  it('closed DMs: the delivery is refused, and the person hears it once, in the channel', async () => {
    await w.fake
      .dispatchCommand({
        command: 'quiz drill start',
        options: { time: '07:00', timezone: 'UTC' },
        user: DAVE,
        channelId: GENERAL,
      })
      .callback();
    w.fake.setDmsClosed(DAVE, true);
    const result = await deliverDue(w.services.drills!, w.bot.catalog, {
      player: `discord:user:${DAVE}`,
      workspace: `discord:guild:${GUILD}`,
      manual: true,
    });
    expect(result.status).toBe('refused');

    const lookup = w.fake.dispatchCommand({
      command: 'quiz show',
      options: { id: 'Q1' },
      user: DAVE,
      channelId: GENERAL,
    });
    await lookup.callback();
    const note = await lookup.followUp(0);
    expect(note.flags).toBe(64);
    expect(note.content).toContain('Your drill could not reach you by direct message');
    const again = w.fake.dispatchCommand({
      command: 'quiz show',
      options: { id: 'Q2' },
      user: DAVE,
      channelId: GENERAL,
    });
    await again.callback();
    await new Promise((r) => setTimeout(r, 300));
    expect(again.record.followUpIds).toEqual([]);
  });
});
