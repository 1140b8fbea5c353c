import { type SessionCommand, ok, refused } from '../context.js';
import { channelName, userName } from '../ids.js';
import { formatWhen } from '../../../i18n/time.js';

const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 };

/**
 * `/clock` shows bot time; `/clock +1d` (or +2h, +30m, +30s, +1d2h) moves it forward and runs,
 * in order, every post, reveal, board close, drill delivery and competition round step that falls due on the
 * way (printed as they happen).
 */
export const clock: SessionCommand = async (ctx, args) => {
  const { session } = ctx;
  const words = ctx.words().console;
  const when = (at: Date) => formatWhen(at, session.zone, session.locale);
  if (args.length === 0)
    return ok(words.clockNow(when(ctx.services.deps.clock.now()), session.zone));
  const ms = parseStep(args.join(''));
  if (ms === null) return refused(words.clockUsage);
  const report = await ctx.advanceClock(ms, (item) => {
    const where = item.data.channel
      ? ` #${channelName(item.data.channel)}`
      : item.data.player
        ? ` @${userName(item.data.player)}`
        : '';
    const round = item.data.round === undefined ? '' : ` round ${Number(item.data.round) + 1}`;
    const what = `${item.name}${where}${round}${item.data.period ? ` (${item.data.period})` : ''}`;
    ctx.output.write(ctx.style.dim(words.fastForwardItem(when(item.at), what, item.result.status)));
  });
  return ok(words.clockMoved(when(report.from), when(report.to), report.items.length));
};

/** `+1d`, `+2h`, `+30m`, `+30s`, `+1d2h30m`; null for anything else (moving back is not allowed). */
export function parseStep(text: string): number | null {
  const m = /^\+((?:\d+[dhms])+)$/i.exec(text.trim());
  if (!m) return null;
  let ms = 0;
  for (const [, n, unit] of m[1]!.matchAll(/(\d+)([dhms])/gi))
    ms += Number(n) * UNIT_MS[unit!.toLowerCase()]!;
  return ms > 0 ? ms : null;
}
