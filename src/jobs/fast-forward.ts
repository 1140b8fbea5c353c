/**
 * Moves bot time forward and does, in time order, everything the real schedules would have done
 * in between: each daily firing, answer reveal, board close, drill delivery and competition
 * round step due in (now, now + duration].
 * It calls the same handlers the worker calls, with each item's own scheduled time, setting the
 * clock to that time first (core stamps posts and reveal times from the clock). The real BullMQ
 * jobs for those slots still exist and run later as no-ops: the daily claim says `posted`, the
 * reveal is marked posted, the period is closed.
 *
 * Used by the console's `/clock +1d` and by tests.
 */
import type { Clock } from '../core/quiz/ports.js';
import { byDueTime, dailyFirings, drillFirings, periodCloses, type AgendaItem } from './agenda.js';
import { competitionAgenda, followingStep } from './competition-agenda.js';
import { ClaimBusyError } from './errors.js';
import { errorText } from './observe.js';
import { handlerFor, jobRegistry, type JobRegistry } from './registry.js';
import type { JobContext, JobResult } from './types.js';

/** A clock fast-forward can move: core's ManualClock and OffsetClock both are. */
export interface MovableClock extends Clock {
  advance(ms: number): void;
}

export interface FastForwardOptions {
  context: JobContext;
  clock: MovableClock;
  durationMs: number;
  registry?: JobRegistry;
  /** Told about each item as it runs (the console prints them). */
  onItem?: (item: FastForwardItem) => void | Promise<void>;
}

export type FastForwardItem = AgendaItem & { result: JobResult };

export interface FastForwardReport {
  from: Date;
  to: Date;
  items: FastForwardItem[];
}

/** Runs everything due in (now, now + durationMs] and leaves the clock at now + durationMs. */
export async function fastForward(options: FastForwardOptions): Promise<FastForwardReport> {
  const { context, clock, durationMs } = options;
  if (!Number.isFinite(durationMs) || durationMs < 0) {
    throw new RangeError(`fast-forward needs a duration ≥ 0 ms, got ${durationMs}`);
  }
  const registry = options.registry ?? jobRegistry;
  const from = clock.now();
  const to = new Date(from.getTime() + durationMs);
  const agenda = await initialAgenda(context, from, to);
  const items: FastForwardItem[] = [];

  for (let item = agenda.shift(); item; item = agenda.shift()) {
    moveTo(clock, item.at);
    const result = await runItem(context, registry, item);
    const done = { ...item, result } as FastForwardItem;
    items.push(done);
    await options.onItem?.(done);
    // A post made on the way opens a reveal that may also fall in the window.
    if (item.name === 'daily' && result.status === 'posted' && typeof result.postKey === 'string') {
      const reveal = await revealOf(context, result.postKey, item.at, to);
      if (reveal) insertSorted(agenda, reveal);
    }
    // A competition step plans the next one, which may fall in the window too.
    const next =
      context.competitions &&
      (await followingStep(context.competitions, item, to, result.status === 'busy'));
    if (next) insertSorted(agenda, next);
  }
  moveTo(clock, to);
  return { from, to, items };
}

async function initialAgenda(context: JobContext, from: Date, to: Date): Promise<AgendaItem[]> {
  const { deps } = context;
  const subs = await deps.subscriptions.listAll();
  const items: AgendaItem[] = subs.flatMap((sub) => dailyFirings(sub, from, to));
  const workspaces = new Set([
    ...subs.map((s) => s.workspace),
    ...(await deps.workspaces.listWorkspaces()),
  ]);
  for (const workspace of workspaces) {
    // Period closes are scheduled only once a workspace has a zone (the first `daily set`).
    const zone = await deps.workspaces.timezone(workspace);
    if (zone) items.push(...periodCloses(workspace, zone, from, to));
  }
  if (context.drills) {
    for (const drill of await context.drills.drills.listSubscriptions()) {
      items.push(...drillFirings(drill, from, to));
    }
  }
  // Reveals already pending from posts made before the window.
  for (const sub of subs) {
    const post = await deps.daily.latestPost(sub.channel);
    if (post && !post.revealPosted) {
      const reveal = await revealOf(context, post.key, from, to);
      if (reveal) items.push(reveal);
    }
  }
  // The pending step of each running competition (later steps follow as each one runs).
  if (context.competitions) items.push(...(await competitionAgenda(context.competitions, to)));
  return items.sort(byDueTime);
}

async function revealOf(
  context: JobContext,
  postKey: string,
  after: Date,
  to: Date,
): Promise<AgendaItem | null> {
  const post = await context.deps.daily.getPost(postKey);
  if (!post || post.revealPosted) return null;
  const at = new Date(post.revealAt);
  if (at.getTime() < after.getTime() || at.getTime() > to.getTime()) return null;
  return { at, name: 'reveal', data: { postKey } };
}

async function runItem(
  context: JobContext,
  registry: JobRegistry,
  item: AgendaItem,
): Promise<JobResult> {
  const handler = handlerFor(registry, item.name);
  if (!handler) return { status: 'error', error: `no handler for ${item.name}` };
  try {
    return await handler.run(context, { data: item.data, scheduledAt: item.at, attempt: 1 });
  } catch (error) {
    // Another process is posting this slot right now: its own job finishes it, not us.
    if (error instanceof ClaimBusyError) return { status: 'busy' };
    return { status: 'error', error: errorText(error) };
  }
}

function moveTo(clock: MovableClock, at: Date): void {
  const ms = at.getTime() - clock.now().getTime();
  if (ms > 0) clock.advance(ms);
}

function insertSorted(agenda: AgendaItem[], item: AgendaItem): void {
  const index = agenda.findIndex((other) => byDueTime(item, other) < 0);
  if (index === -1) agenda.push(item);
  else agenda.splice(index, 0, item);
}
