/**
 * Real-shaped inbound payloads (what Slack sends an app), built from the fake's identity so that
 * ids, response_url and trigger_id all point back at the fake. Pure builders; the fake fills in
 * stored messages and views.
 */
import { randomBytes } from 'node:crypto';
import type { Identity } from './workspace.js';

export interface PayloadContext {
  ids: Identity;
  /** http://127.0.0.1:PORT of the fake: response_url points here. */
  baseUrl: string;
  /** A unique number per payload (for response_url and trigger_id). */
  next: () => number;
}

export interface Actor {
  id: string;
  name: string;
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/** A response_url on the fake, shaped like hooks.slack.com/commands/T…/…/… */
export function responseUrl(
  ctx: PayloadContext,
  kind: 'commands' | 'actions' = 'commands',
): string {
  return `${ctx.baseUrl}/${kind}/${ctx.ids.teamId}/${ctx.next()}/${hex(12)}`;
}

/** trigger_id as Slack formats it ("1234567890.1234567890.abcdef…"). */
export function triggerId(ctx: PayloadContext): string {
  return `${ctx.next()}${Date.now() % 1e6}.${ctx.ids.teamId.length}${ctx.next()}.${hex(16)}`;
}

function enterpriseFields(ids: Identity): Record<string, string> {
  return ids.enterpriseId ? { enterprise_id: ids.enterpriseId, enterprise_name: 'Fake Grid' } : {};
}

function teamObject(ids: Identity): Record<string, unknown> {
  return {
    id: ids.teamId,
    domain: ids.teamDomain,
    ...(ids.enterpriseId ? { enterprise_id: ids.enterpriseId, enterprise_name: 'Fake Grid' } : {}),
  };
}

function userObject(ids: Identity, user: Actor): Record<string, unknown> {
  return { id: user.id, username: user.name, name: user.name, team_id: ids.teamId };
}

export interface SlashCommandInput {
  text: string;
  user: Actor;
  channel: { id: string; name: string };
  command?: string;
}

/** The form fields of a slash command POST (and the Socket Mode `slash_commands` payload). */
export function slashCommand(
  ctx: PayloadContext,
  input: SlashCommandInput,
): { fields: Record<string, string>; responseUrl: string; triggerId: string } {
  const url = responseUrl(ctx, 'commands');
  const trigger = triggerId(ctx);
  const fields: Record<string, string> = {
    token: 'fake-verification-token',
    team_id: ctx.ids.teamId,
    team_domain: ctx.ids.teamDomain,
    ...enterpriseFields(ctx.ids),
    channel_id: input.channel.id,
    channel_name: input.channel.name,
    user_id: input.user.id,
    user_name: input.user.name,
    command: input.command ?? '/quiz',
    text: input.text,
    api_app_id: ctx.ids.appId,
    is_enterprise_install: 'false',
    response_url: url,
    trigger_id: trigger,
  };
  return { fields, responseUrl: url, triggerId: trigger };
}

export interface BlockActionInput {
  user: Actor;
  actionId: string;
  blockId?: string;
  /** A button's value. */
  value?: string;
  /** A select's choice; the action becomes a static_select. */
  selectedOption?: { text: string; value: string };
  /** Where the button was: a channel message … */
  message?: { channel: { id: string; name: string }; message: Record<string, unknown> };
  /** … or a view (modal / App Home). */
  view?: Record<string, unknown>;
}

/** A `block_actions` payload: the click, its container, and (for messages) a response_url. */
export function blockActions(
  ctx: PayloadContext,
  input: BlockActionInput,
): { payload: Record<string, unknown>; responseUrl: string | undefined; triggerId: string } {
  const trigger = triggerId(ctx);
  const actionTs = `${(Date.now() / 1000).toFixed(6)}`;
  const action: Record<string, unknown> = input.selectedOption
    ? {
        type: 'static_select',
        selected_option: {
          text: { type: 'plain_text', text: input.selectedOption.text, emoji: true },
          value: input.selectedOption.value,
        },
      }
    : {
        type: 'button',
        text: { type: 'plain_text', text: input.value ?? input.actionId, emoji: true },
        value: input.value ?? '',
      };
  const base = {
    type: 'block_actions',
    user: userObject(ctx.ids, input.user),
    api_app_id: ctx.ids.appId,
    token: 'fake-verification-token',
    trigger_id: trigger,
    team: teamObject(ctx.ids),
    enterprise: ctx.ids.enterpriseId ? { id: ctx.ids.enterpriseId, name: 'Fake Grid' } : null,
    is_enterprise_install: false,
    state: { values: {} },
    actions: [
      { action_id: input.actionId, block_id: input.blockId ?? 'b', action_ts: actionTs, ...action },
    ],
  };
  if (input.message) {
    const url = responseUrl(ctx, 'actions');
    const ts = String(input.message.message.ts ?? '');
    const payload = {
      ...base,
      container: {
        type: 'message',
        message_ts: ts,
        channel_id: input.message.channel.id,
        is_ephemeral: false,
      },
      channel: input.message.channel,
      message: input.message.message,
      response_url: url,
    };
    return { payload, responseUrl: url, triggerId: trigger };
  }
  const view = input.view ?? {};
  const payload = {
    ...base,
    container: { type: 'view', view_id: view.id },
    view,
  };
  return { payload, responseUrl: undefined, triggerId: trigger };
}

export interface ViewSubmissionInput {
  user: Actor;
  /** The view as opened (with `id`), e.g. from the fake's view store. */
  view: Record<string, unknown>;
  /** state.values: block_id → action_id → the element's state, e.g. `{ type, value }`. */
  values: Record<string, Record<string, Record<string, unknown>>>;
}

export function viewSubmission(
  ctx: PayloadContext,
  input: ViewSubmissionInput,
): { payload: Record<string, unknown>; triggerId: string } {
  const trigger = triggerId(ctx);
  const payload = {
    type: 'view_submission',
    team: teamObject(ctx.ids),
    user: userObject(ctx.ids, input.user),
    api_app_id: ctx.ids.appId,
    token: 'fake-verification-token',
    trigger_id: trigger,
    view: { ...input.view, state: { values: input.values } },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: ctx.ids.enterpriseId ? { id: ctx.ids.enterpriseId, name: 'Fake Grid' } : null,
  };
  return { payload, triggerId: trigger };
}

/** Wraps an event in the Events API `event_callback` envelope. */
export function eventCallback(
  ctx: PayloadContext,
  event: Record<string, unknown>,
): Record<string, unknown> {
  return {
    token: 'fake-verification-token',
    team_id: ctx.ids.teamId,
    ...(ctx.ids.enterpriseId ? { enterprise_id: ctx.ids.enterpriseId } : {}),
    api_app_id: ctx.ids.appId,
    event,
    type: 'event_callback',
    event_id: `Ev${String(ctx.next()).padStart(9, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: ctx.ids.enterpriseId ?? null,
        team_id: ctx.ids.teamId,
        user_id: ctx.ids.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${hex(20)}`,
  };
}

/** `app_home_opened` for a user's Home tab; `view` is their published Home view, if any. */
export function appHomeOpened(
  user: string,
  dmChannel: string,
  view?: Record<string, unknown>,
): Record<string, unknown> {
  return {
    type: 'app_home_opened',
    user,
    channel: dmChannel,
    tab: 'home',
    event_ts: (Date.now() / 1000).toFixed(6),
    ...(view ? { view } : {}),
  };
}

/** A person's message (a thread reply when `threadTs` is given), as a `message` event. */
export function messageEvent(input: {
  user: string;
  channel: string;
  text: string;
  ts: string;
  threadTs?: string;
  channelType?: 'channel' | 'group' | 'im';
  team: string;
}): Record<string, unknown> {
  return {
    type: 'message',
    user: input.user,
    text: input.text,
    ts: input.ts,
    ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    channel: input.channel,
    channel_type: input.channelType ?? 'channel',
    event_ts: input.ts,
    team: input.team,
  };
}
