import { GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { DiscordConfig } from '../../../src/config.js';
import { createDiscordClient } from '../../../src/platforms/discord/client.js';

const base: DiscordConfig = {
  token: 'x',
  applicationId: '1200000000000000001',
  apiUrl: 'http://127.0.0.1:9/api',
  shards: 'auto',
};

describe('the discord.js client', () => {
  const made: { destroy(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const c of made.splice(0)) await c.destroy();
  });

  it('asks for the Guilds intent only and points REST at DISCORD_API_URL', () => {
    const client = createDiscordClient(base);
    made.push(client);
    expect(client.options.intents.bitfield).toBe(GatewayIntentBits.Guilds);
    expect(client.options.rest?.api).toBe('http://127.0.0.1:9/api');
    expect(client.options.shards).toBe('auto');
  });

  it('runs the shards DISCORD_SHARDS names, out of its total', () => {
    const client = createDiscordClient({ ...base, shards: { ids: [2, 3], count: 4 } });
    made.push(client);
    expect(client.options.shards).toEqual([2, 3]);
    expect(client.options.shardCount).toBe(4);
  });
});
