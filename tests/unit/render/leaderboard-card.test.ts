import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { BoardEntry } from '../../../src/core/quiz/types.js';
import type { LeaderboardView } from '../../../src/core/quiz/views.js';
import {
  escapeXml,
  fit,
  leaderboardCardSvg,
  renderLeaderboardCard,
} from '../../../src/render/leaderboard-card.js';

const labels = {
  title: 'Weekly leaderboard',
  subtitle: '2025-W10 · 3 players',
  points: (n: number) => `${n} pts`,
  you: 'you',
  empty: 'No points yet',
};

function board(names: string[], caller: BoardEntry | null = null): LeaderboardView {
  const entries = names.map((name, i) => ({ rank: i + 1, player: `p:${i}`, name, points: 10 - i }));
  return {
    kind: 'leaderboard',
    workspace: 'w',
    period: 'week',
    periodKey: '2025-W10',
    entries,
    caller,
    players: names.length + (caller ? 1 : 0),
    final: false,
  };
}

/** The pixels of the first row's name (device pixels, scale 2). */
async function nameArea(name: string): Promise<Buffer> {
  const { png } = await renderLeaderboardCard(board([name]), { labels });
  return sharp(png).extract({ left: 130, top: 176, width: 300, height: 44 }).raw().toBuffer();
}

describe('leaderboard card', () => {
  it('escapes names so markup in them is text, and drops what XML cannot hold', () => {
    expect(escapeXml(`<b>&"x'</b>\u0000\u202e`)).toBe('&lt;b&gt;&amp;&quot;x&apos;&lt;/b&gt;');
    const { svg } = leaderboardCardSvg(board(['</text><script>alert(1)</script>']), { labels });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
  });

  it('rasterises hostile and long names without failing', async () => {
    const names = ['<&>"\'', '\u0000bad\u0007', 'x'.repeat(500), '😀🎉', '\ud800lone'];
    const card = await renderLeaderboardCard(board(names), { labels });
    const meta = await sharp(card.png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: card.width, height: card.height });
  });

  it('draws CJK names as real glyphs (two names differ, as tofu boxes would not)', async () => {
    const [a, b] = await Promise.all([nameArea('小明'), nameArea('王五')]);
    expect(a.some((byte) => byte < 100)).toBe(true); // dark ink is there at all
    expect(a.equals(b)).toBe(false);
  });

  it('truncates long names by width, whole graphemes, with an ellipsis', () => {
    expect(fit('short', 10)).toBe('short');
    const cut = fit('名'.repeat(40), 10);
    expect(cut.endsWith('…')).toBe(true);
    expect([...cut].length).toBeLessThanOrEqual(10);
    expect(fit('👩‍👩‍👧‍👦'.repeat(20), 4)).toMatch(/^(👩‍👩‍👧‍👦)+…$/u);
  });

  it('shows the caller below a gap when they are outside the top', () => {
    const caller = { rank: 14, player: 'me', name: 'me', points: 1 };
    const { svg } = leaderboardCardSvg(board(['a', 'b'], caller), { labels });
    expect(svg).toContain('>⋯<');
    expect(svg).toContain('>14<');
    expect(svg).toContain('>you<');
  });
});
