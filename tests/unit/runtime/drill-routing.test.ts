/**
 * Drill DMs across platforms: the routing publisher sends drill views only to an adapter's drill
 * publisher, and the DM channel of a player comes from the adapter of the player key's platform.
 * Where no adapter here can, the error is retryable, never a refusal that records closed DMs.
 */
import { describe, expect, it } from 'vitest';
import { cardFront } from '../../../src/core/drills/card-views.js';
import type { DrillPublisher } from '../../../src/core/drills/ports.js';
import type { DrillOutgoingView } from '../../../src/core/drills/views.js';
import type { Publisher } from '../../../src/core/quiz/ports.js';
import { PublishRefusedError } from '../../../src/core/quiz/ports.js';
import {
  NoDirectMessagesError,
  RoutingDirectMessages,
} from '../../../src/runtime/direct-messages.js';
import { NoAdapterError, RoutingPublisher } from '../../../src/runtime/routing-publisher.js';
import { makeQuestion } from '../../support/question-factory.js';

const card = cardFront(makeQuestion({ id: 'Q3', title: 'Q' }), { index: 1, total: 1 }, true);
const session: DrillOutgoingView = {
  kind: 'drill-session',
  day: '2026-03-02',
  reviews: 0,
  fresh: 1,
  card,
};

function channels(calls: string[]): Publisher {
  return {
    checkChannel: async () => ({ ok: true }),
    post: async (target, view) => {
      calls.push(`channel ${view.kind} ${target.channel}`);
      return { messageId: 'c' };
    },
  };
}

function dms(calls: string[]): DrillPublisher {
  return {
    post: async (target, view) => {
      calls.push(`dm ${view.kind} ${target.channel}`);
      return { messageId: 'd' };
    },
  };
}

describe('RoutingPublisher with drill views', () => {
  it('sends drill views to the platform’s drill publisher and counts them', async () => {
    const calls: string[] = [];
    const posted: string[] = [];
    const routing = new RoutingPublisher({ posted: (e) => posted.push(`${e.platform}/${e.kind}`) });
    routing.add('console', channels(calls), dms(calls));
    await routing.post({ channel: 'console:dm:ann' }, session);
    await routing.post(
      { channel: 'console:ch:general' },
      { kind: 'notice', notice: { code: 'daily-off', existed: true } },
    );
    expect(calls).toEqual(['dm drill-session console:dm:ann', 'channel notice console:ch:general']);
    expect(posted).toEqual(['console/drill-session', 'console/notice']);
  });

  it('a platform without a drill publisher here is retryable, not a closed DM', async () => {
    const routing = new RoutingPublisher();
    routing.add('slack', channels([]));
    const post = routing.post({ channel: 'slack:dm:U1' }, session);
    await expect(post).rejects.toBeInstanceOf(NoAdapterError);
    await expect(post).rejects.not.toBeInstanceOf(PublishRefusedError);
  });
});

describe('RoutingDirectMessages', () => {
  it('asks the adapter of the player key’s platform', async () => {
    const directMessages = new RoutingDirectMessages();
    directMessages.add('console', async (player) => `console:dm:${player.split(':').pop()}`);
    expect(await directMessages.channelFor('console:user:ann')).toBe('console:dm:ann');
    await expect(directMessages.channelFor('discord:user:1')).rejects.toBeInstanceOf(
      NoDirectMessagesError,
    );
    await expect(directMessages.channelFor('nokey')).rejects.toBeInstanceOf(NoDirectMessagesError);
  });
});
