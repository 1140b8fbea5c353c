/**
 * The manifest asks for exactly the scopes used: every Web API method the adapter's source calls
 * has an entry in the scope table, and every entry is called somewhere.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slackManifest } from '../../../src/platforms/slack/manifest.js';
import { METHOD_SCOPES, SLACK_BOT_SCOPES } from '../../../src/platforms/slack/scopes.js';

const dir = resolve(import.meta.dirname, '../../../src/platforms/slack');

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(folder, e.name))
      : e.name.endsWith('.ts')
        ? [readFileSync(join(folder, e.name), 'utf8')]
        : [],
  );
}

function methodsCalled(): string[] {
  const found = new Set<string>();
  for (const source of sources(dir)) {
    for (const m of source.matchAll(
      /\bclient\.(auth|chat|conversations|users|files|views|apps)\.(\w+)\(/g,
    )) {
      found.add(`${m[1]}.${m[2]}`);
    }
    if (/\bclient\.filesUploadV2\(/.test(source)) found.add('files.uploadV2');
  }
  return [...found].sort();
}

describe('Slack scopes and manifest', () => {
  it('the scope table lists exactly the Web API methods the adapter calls', () => {
    expect(methodsCalled()).toEqual(Object.keys(METHOD_SCOPES).sort());
  });

  it('HTTP: every request URL is /slack/events on the given base, with the scopes and event', () => {
    const manifest = slackManifest({ mode: 'http', baseUrl: 'https://quiz.example.org/' });
    const url = 'https://quiz.example.org/slack/events';
    expect(manifest).toMatchObject({
      features: {
        app_home: { home_tab_enabled: true },
        slash_commands: [{ command: '/quiz', url, should_escape: true }],
      },
      oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] } },
      settings: {
        event_subscriptions: { request_url: url, bot_events: ['app_home_opened'] },
        interactivity: { is_enabled: true, request_url: url },
        socket_mode_enabled: false,
      },
    });
    expect(SLACK_BOT_SCOPES).toEqual([
      'channels:history',
      'channels:read',
      'chat:write',
      'commands',
      'files:write',
      'groups:history',
      'groups:read',
      'im:history',
      'im:write',
      'users:read',
    ]);
  });

  it('Socket Mode: no URLs anywhere', () => {
    const manifest = slackManifest({ mode: 'socket' });
    expect(JSON.stringify(manifest)).not.toContain('http');
    expect(manifest).toMatchObject({ settings: { socket_mode_enabled: true } });
  });
});
