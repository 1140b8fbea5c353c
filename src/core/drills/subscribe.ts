/** `/quiz drill start` and `/quiz drill stop`: a person's daily review time. */
import type { Catalog } from '../catalog.js';
import { eligibleQuestions, resolveTags } from '../quiz/eligible.js';
import { nextFiring } from '../quiz/daily.js';
import type { Actor, Place } from '../quiz/types.js';
import { isValidTimeZone } from '../time/zone.js';
import type { DrillDeps } from './ports.js';
import type { DrillSubscription } from './types.js';
import { type DrillNotice, type DrillOutcome, drillFail, drillOk } from './views.js';

export const DEFAULT_PER_DAY = 10;
export const MIN_PER_DAY = 1;
export const MAX_PER_DAY = 50;

export interface DrillStartInput {
  time: string;
  timezone: string;
  tags?: string[];
  perDay?: number;
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** `/quiz drill start`: validates like `daily set`, stores the person's drill and schedules it. */
export async function startDrill(
  deps: DrillDeps,
  catalog: Catalog,
  actor: Actor,
  place: Place,
  input: DrillStartInput,
): Promise<DrillOutcome<DrillNotice>> {
  const time = TIME.exec(input.time.trim());
  if (!time) return drillFail({ code: 'bad-time', value: input.time });
  const timezone = input.timezone.trim();
  if (!isValidTimeZone(timezone)) return drillFail({ code: 'bad-timezone', value: input.timezone });
  const tags = resolveTags(catalog, input.tags ?? []);
  if (!tags.ok) {
    if (tags.failure.code !== 'unknown-tags') throw new Error(`unexpected ${tags.failure.code}`);
    return drillFail(tags.failure);
  }
  const perDay = input.perDay ?? DEFAULT_PER_DAY;
  if (!Number.isInteger(perDay) || perDay < MIN_PER_DAY || perDay > MAX_PER_DAY) {
    return drillFail({ code: 'bad-per-day', value: perDay, min: MIN_PER_DAY, max: MAX_PER_DAY });
  }
  if (eligibleQuestions(catalog, tags.value).length === 0) {
    return drillFail({ code: 'no-eligible-questions', tags: tags.value });
  }
  const now = deps.clock.now();
  const sub: DrillSubscription = {
    workspace: place.workspace,
    player: actor.player,
    name: actor.name,
    channel: place.channel,
    time: `${time[1]!.padStart(2, '0')}:${time[2]}`,
    timezone,
    tags: tags.value,
    perDay,
    createdAt: now.toISOString(),
  };
  await deps.drills.putSubscription(sub);
  await deps.drillScheduler.upsertDrill(sub);
  return drillOk({ code: 'drill-started', sub, next: nextFiring(sub, now).toISOString() });
}

/** `/quiz drill stop`: no more deliveries here; the person's cards and history are kept. */
export async function stopDrill(
  deps: DrillDeps,
  actor: Actor,
  place: Place,
): Promise<DrillOutcome<DrillNotice>> {
  const existed = await deps.drills.removeSubscription(place.workspace, actor.player);
  await deps.drillScheduler.removeDrill(place.workspace, actor.player);
  return drillOk({ code: 'drill-stopped', existed });
}
