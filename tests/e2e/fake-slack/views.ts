/** views.*: modals opened from a trigger, App Home tabs published per user. */
import {
  fail,
  record,
  str,
  type Args,
  type MethodContext,
  type MethodResult,
  type MethodTable,
} from './args.js';
import type { ViewKind } from './recorder.js';
import type { StoredView } from './workspace.js';

function viewResult(stored: StoredView, ctx: MethodContext): Record<string, unknown> {
  const { view } = stored;
  return {
    ...view,
    id: stored.id,
    team_id: ctx.ws.ids.teamId,
    app_id: ctx.ws.ids.appId,
    bot_id: ctx.ws.ids.botId,
    hash: stored.hash,
    root_view_id: stored.id,
    previous_view_id: null,
    private_metadata: typeof view.private_metadata === 'string' ? view.private_metadata : '',
    callback_id: typeof view.callback_id === 'string' ? view.callback_id : '',
    state: { values: {} },
  };
}

function store(
  ctx: MethodContext,
  kind: ViewKind,
  view: Record<string, unknown>,
  who: { userId?: string; triggerId?: string; id?: string },
): StoredView {
  const id = who.id ?? ctx.ws.nextId('V');
  const stored: StoredView = { id, view, userId: who.userId, hash: ctx.ws.nextTs() };
  ctx.ws.views.set(id, stored);
  ctx.rec.push(ctx.rec.views, {
    seq: ctx.rec.nextSeq(),
    kind,
    viewId: id,
    userId: who.userId,
    triggerId: who.triggerId,
    view,
  });
  return stored;
}

function openOrPush(kind: 'open' | 'push', args: Args, ctx: MethodContext): MethodResult {
  const triggerId = str(args, 'trigger_id');
  if (!triggerId) return fail('invalid_trigger_id');
  const view = record(args, 'view');
  if (!view || view.type !== 'modal') return fail('invalid_arguments');
  const stored = store(ctx, kind, view, { triggerId });
  return { ok: true, view: viewResult(stored, ctx) };
}

function update(args: Args, ctx: MethodContext): MethodResult {
  const view = record(args, 'view');
  if (!view) return fail('invalid_arguments');
  const externalId = str(args, 'external_id');
  const id =
    str(args, 'view_id') ??
    [...ctx.ws.views.values()].find((v) => v.view.external_id === externalId)?.id;
  const existing = id ? ctx.ws.views.get(id) : undefined;
  if (!existing) return fail('not_found');
  const hash = str(args, 'hash');
  if (hash !== undefined && hash !== existing.hash) return fail('hash_conflict');
  const stored = store(ctx, 'update', view, { id: existing.id, userId: existing.userId });
  return { ok: true, view: viewResult(stored, ctx) };
}

function publish(args: Args, ctx: MethodContext): MethodResult {
  const userId = str(args, 'user_id');
  if (!userId || !ctx.ws.users.has(userId)) return fail('user_not_found');
  const view = record(args, 'view');
  if (!view || view.type !== 'home') return fail('invalid_arguments');
  const previous = ctx.ws.homeViews.get(userId);
  const hash = str(args, 'hash');
  if (hash !== undefined && previous && ctx.ws.views.get(previous)?.hash !== hash) {
    return fail('hash_conflict');
  }
  const stored = store(ctx, 'publish', view, { userId, ...(previous ? { id: previous } : {}) });
  ctx.ws.homeViews.set(userId, stored.id);
  return { ok: true, view: viewResult(stored, ctx) };
}

export const viewMethods: MethodTable = {
  'views.open': { token: 'bot', handle: (args, ctx) => openOrPush('open', args, ctx) },
  'views.push': { token: 'bot', handle: (args, ctx) => openOrPush('push', args, ctx) },
  'views.update': { token: 'bot', handle: update },
  'views.publish': { token: 'bot', handle: publish },
};
