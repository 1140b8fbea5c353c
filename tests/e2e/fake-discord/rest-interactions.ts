/**
 * Interaction callbacks and the interaction webhook: `POST /interactions/{id}/{token}/callback`
 * (types 4–9, JSON or multipart, `with_response`), follow-ups, and `@original` / follow-up
 * get, edit and delete. Enforces what Discord enforces: one callback per interaction, the
 * 3-second deadline, callback types valid for the interaction type, the 15-minute token.
 */
import { InteractionResponseType, InteractionType, MessageFlags } from 'discord.js';
import { Err } from './errors.js';
import { modalInputs, withIds } from './components.js';
import { createMessage, editMessage } from './messages.js';
import {
  noContent,
  ok,
  type Json,
  type Route,
  type RouteContext,
  type RouteResult,
} from './route.js';
import type { InteractionRecord, MessageState, World } from './state.js';
import { LIMITS, checkMessage } from './validate.js';

const R = InteractionResponseType;
const ALLOWED: Record<number, readonly number[]> = {
  [InteractionType.ApplicationCommand]: [
    R.ChannelMessageWithSource,
    R.DeferredChannelMessageWithSource,
    R.Modal,
  ],
  [InteractionType.MessageComponent]: [
    R.ChannelMessageWithSource,
    R.DeferredChannelMessageWithSource,
    R.DeferredMessageUpdate,
    R.UpdateMessage,
    R.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [R.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    R.ChannelMessageWithSource,
    R.DeferredChannelMessageWithSource,
    R.DeferredMessageUpdate,
    R.UpdateMessage,
  ],
};

const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

function callback(ctx: RouteContext): RouteResult {
  const { world } = ctx;
  const record = world.interactions.get(ctx.params.interactionId!);
  if (!record) throw Err.unknownInteraction();
  if (record.token !== ctx.params.token) throw Err.invalidWebhookToken();
  if (record.callbacks.length > 0) throw Err.alreadyAcknowledged();
  const ms = Date.now() - record.dispatchedAt;
  if (ms > world.options.callbackDeadlineMs) throw Err.unknownInteraction();
  const type = Number(ctx.json.type);
  const data = ctx.json.data as Json | undefined;
  const fromMessage = record.sourceMessageId !== null;
  const allowed = ALLOWED[record.type] ?? [];
  const updateWithoutMessage =
    (type === R.UpdateMessage || type === R.DeferredMessageUpdate) && !fromMessage;
  if (!allowed.includes(type) || updateWithoutMessage) {
    throw Err.invalidForm([
      {
        path: 'type',
        code: 'INTERACTION_RESPONSE_TYPE_INVALID',
        message: `Callback type ${type} is not valid for this interaction`,
      },
    ]);
  }
  let message: MessageState | undefined;
  switch (type) {
    case R.ChannelMessageWithSource:
      checkMessage(data ?? {}, ctx.files, { at: 'data.', creating: true });
      message = respond(world, record, data ?? {}, ctx, false);
      break;
    case R.DeferredChannelMessageWithSource: {
      const flags = Number(data?.flags ?? 0);
      if (flags & ~MessageFlags.Ephemeral) {
        throw Err.invalidForm([
          {
            path: 'data.flags',
            code: 'MESSAGE_FLAGS_INVALID',
            message: 'Only EPHEMERAL may be set when deferring',
          },
        ]);
      }
      message = respond(world, record, { flags }, ctx, true);
      break;
    }
    case R.DeferredMessageUpdate:
      message = world.messages.get(record.sourceMessageId!);
      record.originalMessageId = record.sourceMessageId;
      break;
    case R.UpdateMessage: {
      message = world.messages.get(record.sourceMessageId!)!;
      const existing = new Set(message.json.attachments.map((a) => a.id));
      checkMessage(data ?? {}, ctx.files, {
        at: 'data.',
        creating: false,
        existingAttachmentIds: existing,
      });
      editMessage(world, message, data ?? {}, ctx.files);
      record.originalMessageId = message.json.id;
      break;
    }
    case R.ApplicationCommandAutocompleteResult:
      checkChoices(data);
      break;
    case R.Modal:
      checkModal(data);
      record.modal = { ...data, components: withIds(arr(data?.components)) };
      break;
  }
  record.callbacks.push({ type, data, files: ctx.files, ms, call: ctx.call });
  if (ctx.query.get('with_response') !== 'true') return noContent();
  return ok({
    interaction: {
      id: record.id,
      type: record.type,
      ...(message
        ? {
            response_message_id: message.json.id,
            response_message_loading: ((message.json.flags ?? 0) & MessageFlags.Loading) !== 0,
            response_message_ephemeral: message.visibleTo !== null,
          }
        : {}),
    },
    resource: {
      type,
      ...(message && type !== R.DeferredMessageUpdate ? { message: message.json } : {}),
    },
  });
}

function respond(
  world: World,
  record: InteractionRecord,
  body: Json,
  ctx: RouteContext,
  loading: boolean,
) {
  const ephemeral = (Number(body.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  const state = createMessage(world, {
    channelId: record.channelId,
    body,
    files: loading ? [] : ctx.files,
    author: world.bot,
    visibleTo: ephemeral ? record.userId : null,
    interaction: record,
    loading,
  });
  record.originalMessageId = state.json.id;
  record.originalLoading = loading;
  return state;
}

function checkChoices(data: Json | undefined): void {
  const choices = arr(data?.choices);
  const problems = [];
  if (choices.length > LIMITS.autocompleteChoices) {
    problems.push({
      path: 'data.choices',
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 25 or fewer in length.',
    });
  }
  for (const [i, choice] of choices.entries()) {
    const name = String(choice.name ?? '');
    if (name.length < 1 || name.length > 100) {
      problems.push({
        path: `data.choices.${i}.name`,
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'Must be between 1 and 100 in length.',
      });
    }
    if (typeof choice.value === 'string' && choice.value.length > 100) {
      problems.push({
        path: `data.choices.${i}.value`,
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 100 or fewer in length.',
      });
    }
  }
  if (problems.length > 0) throw Err.invalidForm(problems);
}

function checkModal(data: Json | undefined): void {
  const problems = [];
  const title = String(data?.title ?? '');
  if (title.length < 1 || title.length > 45) {
    problems.push({
      path: 'data.title',
      code: 'BASE_TYPE_BAD_LENGTH',
      message: 'Must be between 1 and 45 in length.',
    });
  }
  if (!data?.custom_id)
    problems.push({
      path: 'data.custom_id',
      code: 'BASE_TYPE_REQUIRED',
      message: 'This field is required',
    });
  const rows = arr(data?.components);
  if (rows.length < 1 || rows.length > 5) {
    problems.push({
      path: 'data.components',
      code: 'BASE_TYPE_BAD_LENGTH',
      message: 'Must be between 1 and 5 in length.',
    });
  }
  for (const [i, input] of modalInputs(data ?? {}).entries()) {
    if (!input.custom_id)
      problems.push({
        path: `data.components.${i}.custom_id`,
        code: 'BASE_TYPE_REQUIRED',
        message: 'This field is required',
      });
    if (typeof input.label === 'string' && input.label.length > 45) {
      problems.push({
        path: `data.components.${i}.label`,
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 45 or fewer in length.',
      });
    }
  }
  if (problems.length > 0) throw Err.invalidForm(problems);
}

/** The interaction behind an interaction webhook, if its token is still valid. */
function webhookRecord(ctx: RouteContext): InteractionRecord {
  const { world } = ctx;
  if (ctx.params.applicationId !== world.options.applicationId) throw Err.unknownWebhook();
  const record = world.interactionByToken.get(ctx.params.token!);
  if (!record) throw Err.unknownWebhook();
  if (Date.now() - record.dispatchedAt > world.options.tokenTtlMs) throw Err.invalidWebhookToken();
  if (
    record.callbacks.length === 0 ||
    record.type === InteractionType.ApplicationCommandAutocomplete
  ) {
    throw Err.unknownWebhook();
  }
  return record;
}

function followUp(ctx: RouteContext): RouteResult {
  const record = webhookRecord(ctx);
  const { world } = ctx;
  // After a deferral, the first follow-up is the response: it fills the loading message.
  if (record.originalLoading && record.originalMessageId) {
    checkMessage(ctx.json, ctx.files, { at: '', creating: true });
    const original = world.messages.get(record.originalMessageId)!;
    editMessage(world, original, ctx.json, ctx.files);
    record.originalLoading = false;
    record.followUpIds.push(original.json.id);
    return ok(original.json);
  }
  checkMessage(ctx.json, ctx.files, { at: '', creating: true });
  const ephemeral = (Number(ctx.json.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  const state = createMessage(world, {
    channelId: record.channelId,
    body: ctx.json,
    files: ctx.files,
    author: world.bot,
    visibleTo: ephemeral ? record.userId : null,
    interaction: record,
    ...(record.originalMessageId ? { originalResponseId: record.originalMessageId } : {}),
  });
  record.followUpIds.push(state.json.id);
  return ok(state.json);
}

function target(ctx: RouteContext): { record: InteractionRecord; message: MessageState } {
  const record = webhookRecord(ctx);
  const wanted =
    ctx.params.messageId === '@original' ? record.originalMessageId : ctx.params.messageId!;
  const own =
    wanted !== null && (wanted === record.originalMessageId || record.followUpIds.includes(wanted));
  const message = own ? ctx.world.messages.get(wanted) : undefined;
  if (!message || message.deleted) throw Err.unknownMessage();
  return { record, message };
}

function editViaWebhook(ctx: RouteContext): RouteResult {
  const { record, message } = target(ctx);
  const existing = new Set(message.json.attachments.map((a) => a.id));
  checkMessage(ctx.json, ctx.files, { at: '', creating: false, existingAttachmentIds: existing });
  const json = editMessage(ctx.world, message, ctx.json, ctx.files);
  if (message.json.id === record.originalMessageId) record.originalLoading = false;
  record.edits.push({
    target: ctx.params.messageId!,
    messageId: json.id,
    json: ctx.json,
    files: ctx.files,
    ms: Date.now() - record.dispatchedAt,
    call: ctx.call,
  });
  return ok(json);
}

const hook = '/webhooks/:applicationId/:token';
export const interactionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/interactions/:interactionId/:token/callback',
    auth: 'token',
    handle: callback,
  },
  { method: 'POST', pattern: hook, auth: 'token', handle: followUp },
  {
    method: 'GET',
    pattern: `${hook}/messages/:messageId`,
    auth: 'token',
    handle: (ctx) => ok(target(ctx).message.json),
  },
  {
    method: 'PATCH',
    pattern: `${hook}/messages/:messageId`,
    auth: 'token',
    handle: editViaWebhook,
  },
  {
    method: 'DELETE',
    pattern: `${hook}/messages/:messageId`,
    auth: 'token',
    handle: (ctx) => {
      target(ctx).message.deleted = true;
      return noContent();
    },
  },
];
