import { describe, expect, it } from 'vitest';
import {
  type Control,
  decodeControl,
  encodeControl,
} from '../../../src/platforms/discord/custom-id.js';
import { DISCORD_MAX_CUSTOM_ID } from '../../../src/platforms/discord/limits.js';

// The longest post key a Discord channel can have: 20-digit snowflakes and a manual slot.
const POST = `discord:channel:${'9'.repeat(20)}:${'9'.repeat(20)}|2026-11-26~mf3k2j9x`;

describe('custom_id scheme', () => {
  const controls: Control[] = [
    { action: 'show-answer', questionId: 'Q22' },
    { action: 'show-answer', questionId: 'Q-7711e3' },
    { action: 'reveal', postKey: POST },
    { action: 'rate', rating: 'partly', postKey: POST },
    { action: 'compete-answer', round: 3, optionId: 'b', competitionId: crypto.randomUUID() },
    { action: 'compete-entry', round: 19, competitionId: crypto.randomUUID() },
    { action: 'drill-reveal', questionId: 'Q3' },
    { action: 'drill-rate', rating: 'again', questionId: 'Q3' },
  ];

  it.each(controls)('round-trips $action within Discord’s 100 characters', (control) => {
    const id = encodeControl(control);
    expect(id.length).toBeLessThanOrEqual(DISCORD_MAX_CUSTOM_ID);
    expect(id.startsWith('q1:')).toBe(true);
    expect(decodeControl(id)).toEqual({ ok: true, control });
  });

  it.each([
    ['q0:show:Q1', 'stale'],
    ['q2:rate:knew:x', 'stale'],
    ['quiz:v1:rate:Q10:good', 'malformed'],
    ['q1:rate:brilliant:discord:channel:1:2|2026-01-01', 'malformed'],
    ['q1:rate:knew:', 'malformed'],
    ['q1:show:Q1:extra', 'malformed'],
    ['q1:show:Q 1', 'malformed'],
    ['q1:pick:x:b:id', 'malformed'],
    ['q1:grade:good', 'malformed'],
    ['q1:unknown:thing', 'malformed'],
    ['', 'malformed'],
  ])('%s is %s', (id, reason) => {
    expect(decodeControl(id)).toEqual({ ok: false, reason });
  });

  it('refuses to build an id Discord would refuse', () => {
    expect(() =>
      encodeControl({ action: 'reveal', postKey: `discord:channel:${'1'.repeat(90)}` }),
    ).toThrow(RangeError);
  });
});
