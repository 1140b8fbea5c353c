import { describe, expect, it } from 'vitest';
import { createLogger, formatPretty, maskUrl } from '../../src/logger.js';

/** A logger writing into an array, one entry per line. */
function capture(pretty = false) {
  const lines: string[] = [];
  const log = createLogger(
    { logLevel: 'info' },
    { pretty, destination: { write: (line: string) => void lines.push(line) } },
  );
  return { log, lines };
}

describe('createLogger', () => {
  it('writes JSON with the level threshold from config', () => {
    const { log, lines } = capture();
    log.debug('hidden');
    log.info({ guild: 'g1' }, 'posted');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: 'posted', guild: 'g1' });
  });

  it('redacts tokens and secrets wherever they sit', () => {
    const { log, lines } = capture();
    log.info(
      {
        token: 't0',
        config: { discord: { token: 't1' }, slack: { botToken: 't2', signingSecret: 't3' } },
        req: { headers: { authorization: 'Bot t4' } },
        env: { SLACK_APP_TOKEN: 't5' },
      },
      'startup',
    );
    expect(lines[0]).not.toMatch(/t[0-5]"/);
    expect(lines[0]).toContain('[redacted]');
  });

  it('prints a compact line on a terminal', () => {
    const { log, lines } = capture(true);
    log.warn({ channel: 'c1' }, 'slow reply');
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d WARN {2}slow reply channel=c1\n$/);
    expect(formatPretty('not json')).toBe('not json\n');
  });
});

describe('maskUrl', () => {
  it('hides a password and leaves the rest', () => {
    expect(maskUrl('redis://:hunter2@redis:6379/1')).toBe('redis://:***@redis:6379/1');
    expect(maskUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
