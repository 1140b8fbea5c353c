import { setDaily } from '../../../core/quiz/daily.js';
import { type QuizHandler, refused, worded } from '../context.js';
import { WORKSPACE } from '../ids.js';

/** `/quiz daily set time: timezone: [tags:] [reveal-after:]` (admin). */
export const dailySet: QuizHandler = async (ctx, options) => {
  const { deps, catalog } = ctx.services;
  const revealAfter =
    typeof options['reveal-after'] === 'string' ? options['reveal-after'] : undefined;
  const minutes = revealAfter === undefined ? undefined : parseMinutes(revealAfter);
  if (minutes === null) return refused(ctx.words().badDuration(revealAfter!));
  const outcome = await setDaily(deps, catalog, ctx.session.actor(), ctx.session.place(), {
    time: String(options.time),
    timezone: String(options.timezone),
    tags: typeof options.tags === 'string' ? options.tags.split(/[\s,，、]+/).filter(Boolean) : [],
    ...(minutes === undefined ? {} : { revealAfterMinutes: minutes }),
  });
  // Times are shown in the workspace's zone once it has one (the first `daily set` gives it).
  if (outcome.ok)
    ctx.session.zone = (await deps.workspaces.timezone(WORKSPACE)) ?? ctx.session.zone;
  return worded(ctx, outcome);
};

/** `8h`, `90m`, `1h30m`, `1h 30m` or plain minutes (`45`); null when it is none of those. */
export function parseMinutes(text: string): number | null {
  const m = /^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*$/i.exec(text);
  if (/^\s*\d+\s*$/.test(text)) return Number(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}
