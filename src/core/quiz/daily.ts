import type { Catalog } from '../catalog.js';
import { dayKey, isValidTimeZone, nextDay, zonedInstant } from '../time/zone.js';
import { eligibleQuestions, resolveTags } from './eligible.js';
import { type QuizDeps, PublishRefusedError } from './ports.js';
import { pickNext } from './rotation.js';
import type { Actor, DailyPost, DailySubscription, Place } from './types.js';
import { type Notice, type Outcome, fail, ok } from './views.js';

export const DEFAULT_REVEAL_AFTER_MINUTES = 8 * 60;
/** The reveal must come before the next day's post. */
export const MAX_REVEAL_AFTER_MINUTES = 23 * 60;
/** How long one process may hold a channel's daily claim while it posts. */
export const CLAIM_LEASE_MS = 60_000;

export interface DailySetInput {
  time: string;
  timezone: string;
  tags?: string[];
  revealAfterMinutes?: number;
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** `/quiz daily set`: validates, checks the bot can post here, stores and schedules. */
export async function setDaily(
  deps: QuizDeps,
  catalog: Catalog,
  actor: Actor,
  place: Place,
  input: DailySetInput,
): Promise<Outcome<Notice>> {
  if (!actor.isAdmin) return fail({ code: 'not-admin' });
  const time = TIME.exec(input.time.trim());
  if (!time) return fail({ code: 'bad-time', value: input.time });
  const timezone = input.timezone.trim();
  if (!isValidTimeZone(timezone)) return fail({ code: 'bad-timezone', value: input.timezone });
  const tags = resolveTags(catalog, input.tags ?? []);
  if (!tags.ok) return tags;
  const revealAfterMinutes = input.revealAfterMinutes ?? DEFAULT_REVEAL_AFTER_MINUTES;
  if (
    !Number.isInteger(revealAfterMinutes) ||
    revealAfterMinutes < 1 ||
    revealAfterMinutes > MAX_REVEAL_AFTER_MINUTES
  ) {
    return fail({ code: 'bad-reveal-after', value: revealAfterMinutes });
  }
  if (eligibleQuestions(catalog, tags.value).length === 0)
    return fail({ code: 'no-eligible-questions', tags: tags.value });
  const check = await deps.publisher.checkChannel(place.channel);
  if (!check.ok) return fail({ code: 'missing-permissions', missing: check.missing });

  const sub: DailySubscription = {
    workspace: place.workspace,
    channel: place.channel,
    time: `${time[1]!.padStart(2, '0')}:${time[2]}`,
    timezone,
    tags: tags.value,
    revealAfterMinutes,
    createdBy: actor.player,
    createdAt: deps.clock.now().toISOString(),
    paused: null,
  };
  await deps.subscriptions.put(sub);
  if ((await deps.workspaces.timezone(place.workspace)) === null) {
    await deps.workspaces.setTimezone(place.workspace, timezone);
  }
  await deps.scheduler.upsertDaily(sub);
  await deps.scheduler.upsertPeriodClose(
    place.workspace,
    (await deps.workspaces.timezone(place.workspace)) ?? timezone,
  );
  return ok({ code: 'daily-set', sub, next: nextFiring(sub, deps.clock.now()).toISOString() });
}

/** `/quiz daily off`: stops the channel's daily question. */
export async function dailyOff(
  deps: QuizDeps,
  actor: Actor,
  place: Place,
): Promise<Outcome<Notice>> {
  if (!actor.isAdmin) return fail({ code: 'not-admin' });
  const existed = await deps.subscriptions.remove(place.channel);
  await deps.scheduler.removeDaily(place.channel);
  return ok({ code: 'daily-off', existed });
}

/** `/quiz daily status`: the channel's subscription and when the next question comes. */
export async function dailyStatus(deps: QuizDeps, place: Place): Promise<Outcome<Notice>> {
  const sub = await deps.subscriptions.get(place.channel);
  const { used } = await deps.daily.rotation(place.channel);
  const next = sub && !sub.paused ? nextFiring(sub, deps.clock.now()).toISOString() : null;
  return ok({ code: 'daily-status', sub, next, posted: used.length });
}

/** The next instant the subscription fires after `now`. */
export function nextFiring(sub: Pick<DailySubscription, 'time' | 'timezone'>, now: Date): Date {
  const today = dayKey(now, sub.timezone);
  const at = zonedInstant(today, sub.time, sub.timezone);
  return at.getTime() > now.getTime() ? at : zonedInstant(nextDay(today), sub.time, sub.timezone);
}

export type FireResult =
  | { status: 'posted'; post: DailyPost }
  | {
      status: 'skipped';
      reason: 'no-subscription' | 'paused' | 'already-posted' | 'busy' | 'no-eligible-questions';
    }
  | { status: 'refused'; reason: string };

/**
 * Posts the channel's question for one slot, exactly once: the slot is the local day of the
 * scheduled time (a retried or late job still posts for its own day), or a unique id for
 * `daily now`. A claim with a lease keeps two processes from posting the same slot; the post and
 * the rotation advance are recorded together.
 */
export async function fireDaily(
  deps: QuizDeps,
  catalog: Catalog,
  input: { channel: string; scheduledAt?: Date; manual?: boolean },
): Promise<FireResult> {
  const sub = await deps.subscriptions.get(input.channel);
  if (!sub) return { status: 'skipped', reason: 'no-subscription' };
  if (sub.paused && !input.manual) return { status: 'skipped', reason: 'paused' };
  const now = deps.clock.now();
  const day = dayKey(input.scheduledAt ?? now, sub.timezone);
  const slot = input.manual ? `${day}~${now.getTime().toString(36)}` : day;
  const claim = await deps.daily.claim(sub.channel, slot, deps.instanceId, CLAIM_LEASE_MS);
  if (claim === 'posted') return { status: 'skipped', reason: 'already-posted' };
  if (claim === 'busy') return { status: 'skipped', reason: 'busy' };

  const eligible = eligibleQuestions(catalog, sub.tags).map((q) => q.id);
  const rotation = await deps.daily.rotation(sub.channel);
  const pick = pickNext(sub.channel, eligible, new Set(rotation.used), rotation.cycle);
  const question = pick && catalog.get(pick.questionId);
  if (!pick || !question) {
    await deps.daily.release(sub.channel, slot, deps.instanceId);
    return { status: 'skipped', reason: 'no-eligible-questions' };
  }
  const key = `${sub.channel}|${slot}`;
  const revealAt = new Date(now.getTime() + sub.revealAfterMinutes * 60_000).toISOString();
  let message;
  try {
    message = await deps.publisher.post(
      { channel: sub.channel },
      {
        kind: 'daily-question',
        postKey: key,
        day,
        question,
        revealAt,
        buttons: [
          { action: 'rate', postKey: key, rating: 'knew' },
          { action: 'rate', postKey: key, rating: 'partly' },
          { action: 'rate', postKey: key, rating: 'missed' },
          { action: 'reveal', postKey: key },
        ],
      },
      { idempotencyKey: `daily:${key}` },
    );
  } catch (error) {
    await deps.daily.release(sub.channel, slot, deps.instanceId);
    if (error instanceof PublishRefusedError) {
      await deps.subscriptions.put({
        ...sub,
        paused: { reason: error.message, at: now.toISOString() },
      });
      return { status: 'refused', reason: error.message };
    }
    throw error;
  }
  const post: DailyPost = {
    key,
    workspace: sub.workspace,
    channel: sub.channel,
    slot,
    day,
    questionId: question.id,
    postedAt: now.toISOString(),
    revealAt,
    message,
    revealed: false,
    revealPosted: false,
  };
  await deps.daily.recordPost(post, pick.cycle);
  await deps.scheduler.scheduleReveal(key, new Date(revealAt));
  return { status: 'posted', post };
}

/** `/quiz daily now`: an extra question at once (admin only); it takes the rotation's next one. */
export async function dailyNow(
  deps: QuizDeps,
  catalog: Catalog,
  actor: Actor,
  place: Place,
): Promise<Outcome<Notice>> {
  if (!actor.isAdmin) return fail({ code: 'not-admin' });
  const result = await fireDaily(deps, catalog, { channel: place.channel, manual: true });
  switch (result.status) {
    case 'posted':
      return ok({
        code: 'daily-posted',
        postKey: result.post.key,
        questionId: result.post.questionId,
      });
    case 'refused':
      return fail({ code: 'missing-permissions', missing: [result.reason] });
    case 'skipped':
      if (result.reason === 'no-subscription') return fail({ code: 'no-daily' });
      if (result.reason === 'no-eligible-questions') {
        const sub = await deps.subscriptions.get(place.channel);
        return fail({ code: 'no-eligible-questions', tags: sub?.tags ?? [] });
      }
      // A manual slot is unique to this moment, so only a clash within one millisecond lands here.
      return fail({ code: 'already-posted', postKey: `${place.channel}|${result.reason}` });
  }
}
