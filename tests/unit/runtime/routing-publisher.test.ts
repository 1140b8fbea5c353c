import { describe, expect, it } from 'vitest';
import type { Publisher } from '../../../src/core/quiz/ports.js';
import type { OutgoingView } from '../../../src/core/quiz/views.js';
import { NoAdapterError, RoutingPublisher } from '../../../src/runtime/routing-publisher.js';

const view: OutgoingView = { kind: 'notice', notice: { code: 'daily-off', existed: true } };

function recorder(name: string, calls: string[]): Publisher {
  return {
    checkChannel: async () => ({ ok: true }),
    post: async (target) => {
      calls.push(`${name}:${target.channel}`);
      return { messageId: name };
    },
  };
}

describe('RoutingPublisher', () => {
  it('sends each channel to the adapter of its platform prefix and counts posts', async () => {
    const calls: string[] = [];
    const posted: string[] = [];
    const routing = new RoutingPublisher({
      posted: (e) => posted.push(`${e.platform}/${e.kind}/${e.ok}`),
    });
    routing.add('console', recorder('console', calls));
    routing.add('slack', recorder('slack', calls));
    await routing.post({ channel: 'console:ch:general' }, view);
    await routing.post({ channel: 'slack:team:T1:channel:C1' }, view);
    expect(calls).toEqual(['console:console:ch:general', 'slack:slack:team:T1:channel:C1']);
    expect(posted).toEqual(['console/notice/true', 'slack/notice/true']);
  });

  it('a platform with no adapter here is a retryable error, never a refusal that pauses the channel', async () => {
    const routing = new RoutingPublisher();
    routing.add('console', recorder('console', []));
    await expect(
      routing.post({ channel: 'discord:guild:1:channel:2' }, view),
    ).rejects.toBeInstanceOf(NoAdapterError);
    expect(await routing.checkChannel('discord:guild:1:channel:2')).toEqual({
      ok: false,
      missing: ['a running discord adapter'],
    });
  });
});
