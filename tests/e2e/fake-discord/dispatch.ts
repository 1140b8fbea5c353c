/**
 * Pushing interactions at the bot: each `dispatch*` builds the payload a real user action would
 * produce, refuses actions Discord would not allow (a command the user cannot see, a button that
 * is not on the message, a modal that was never shown), sends INTERACTION_CREATE and returns a
 * handle that waits for what discord.js answers.
 */
import { ChannelType, ComponentType, InteractionType } from 'discord.js';
import type { APIMessage, Locale } from 'discord.js';
import { flattenComponents } from './components.js';
import type { Gateway } from './gateway.js';
import { interactionToken, snowflake } from './ids.js';
import {
  DispatchError,
  commandData,
  envelope,
  findCommand,
  modalSubmitComponents,
  type OptionValue,
} from './interaction-payloads.js';
import { P, has } from './permissions.js';
import type { Recorder, WaitOptions } from './recorder.js';
import type { InteractionRecord, RecordedCallback, RecordedEdit, World } from './state.js';

type Json = Record<string, unknown>;
type LocaleString = `${Locale}`;

interface Actor {
  /** The user id acting; must be a seeded member of the channel's guild (or any user in a DM). */
  user: string;
  /** The user's client locale; default `en-US`. */
  locale?: LocaleString;
}

export interface CommandInput extends Actor {
  /** The command path as typed: `'quiz show'`, `'quiz daily set'`. */
  command: string;
  channelId: string;
  options?: Record<string, OptionValue>;
  /** Model a server-side override that lets this user run a command despite `default_member_permissions`. */
  permissionOverride?: boolean;
}

export interface AutocompleteInput extends Omit<CommandInput, 'permissionOverride'> {
  /** The option being typed in. */
  focused: string;
  /** What has been typed so far. */
  value: string;
}

export interface ComponentInput extends Actor {
  messageId: string;
  customId: string;
  /** Skip the check that the message has this enabled component (to model a stale client). */
  unchecked?: boolean;
}

export interface SelectInput extends ComponentInput {
  values: string[];
}

export interface ModalSubmitInput {
  /** The interaction that answered with the modal (type-9 callback). */
  from: InteractionHandle | string;
  values: Record<string, string | string[]>;
  locale?: LocaleString;
}

export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  readonly payload: Json;
  readonly record: InteractionRecord;
  /** The first (only) interaction callback, once discord.js sends it. */
  callback(options?: WaitOptions): Promise<RecordedCallback>;
  /** The n-th follow-up message (0-based). */
  followUp(index?: number, options?: WaitOptions): Promise<APIMessage>;
  /** The n-th edit through the interaction webhook (0-based). */
  edit(index?: number, options?: WaitOptions): Promise<RecordedEdit>;
  /** The response message as it is now (after callbacks and edits), if there is one. */
  original(): APIMessage | undefined;
}

export class Dispatcher {
  constructor(
    private readonly world: World,
    private readonly gateway: Gateway,
    private readonly recorder: Recorder,
  ) {}

  command(input: CommandInput): InteractionHandle {
    const guildId = this.world.requireChannel(input.channelId).guildId;
    const command = findCommand(this.world, guildId, input.command);
    this.checkCanInvoke(input, command.default_member_permissions, command.name);
    const data = commandData(this.world, command, input.command, input.options ?? {}, guildId);
    return this.send(InteractionType.ApplicationCommand, input, input.channelId, data, null);
  }

  autocomplete(input: AutocompleteInput): InteractionHandle {
    const guildId = this.world.requireChannel(input.channelId).guildId;
    const command = findCommand(this.world, guildId, input.command);
    const values = { ...input.options, [input.focused]: input.value };
    const data = commandData(this.world, command, input.command, values, guildId, input.focused);
    return this.send(
      InteractionType.ApplicationCommandAutocomplete,
      input,
      input.channelId,
      data,
      null,
    );
  }

  button(input: ComponentInput): InteractionHandle {
    const { message, channelId } = this.component(input, ComponentType.Button);
    const data = { custom_id: input.customId, component_type: ComponentType.Button };
    return this.send(InteractionType.MessageComponent, input, channelId, data, message);
  }

  select(input: SelectInput): InteractionHandle {
    const { message, channelId, component } = this.component(input, ComponentType.StringSelect);
    const allowed = new Set(((component?.options ?? []) as Json[]).map((o) => o.value));
    if (!input.unchecked && input.values.some((v) => !allowed.has(v))) {
      throw new DispatchError(
        `select "${input.customId}" has no option ${JSON.stringify(input.values)}`,
      );
    }
    const data = {
      custom_id: input.customId,
      component_type: ComponentType.StringSelect,
      values: input.values,
    };
    return this.send(InteractionType.MessageComponent, input, channelId, data, message);
  }

  modalSubmit(input: ModalSubmitInput): InteractionHandle {
    const fromId = typeof input.from === 'string' ? input.from : input.from.id;
    const origin = this.world.interactions.get(fromId);
    if (!origin?.modal)
      throw new DispatchError(`interaction ${fromId} did not answer with a modal`);
    const data = {
      custom_id: origin.modal.custom_id,
      components: modalSubmitComponents(origin.modal, input.values),
    };
    const message = origin.sourceMessageId
      ? this.world.messages.get(origin.sourceMessageId)!.json
      : null;
    const actor = {
      user: origin.userId,
      locale: input.locale ?? (origin.payload.locale as LocaleString),
    };
    return this.send(InteractionType.ModalSubmit, actor, origin.channelId, data, message);
  }

  /** Discord only shows a command to members who have its default permissions (or an override). */
  private checkCanInvoke(input: CommandInput, required: string | null, name: string): void {
    const perms = this.world.permissionsIn(input.channelId, input.user);
    const inGuild = this.world.requireChannel(input.channelId).guildId !== null;
    if (inGuild && !has(perms, P.UseApplicationCommands)) {
      throw new DispatchError(`${input.user} lacks Use Application Commands in ${input.channelId}`);
    }
    if (!required || input.permissionOverride || !inGuild) return;
    if (!has(perms, BigInt(required))) {
      throw new DispatchError(
        `Discord would not offer /${name} to ${input.user}: it lacks default_member_permissions ` +
          `${required}. Pass permissionOverride: true to model an admin's per-command override.`,
      );
    }
  }

  private component(input: ComponentInput, kind: ComponentType) {
    const state = this.world.messages.get(input.messageId);
    if (!state || state.deleted) throw new DispatchError(`no message ${input.messageId}`);
    if (state.visibleTo !== null && state.visibleTo !== input.user && !input.unchecked) {
      throw new DispatchError(
        `message ${input.messageId} is ephemeral to ${state.visibleTo}; ${input.user} cannot see it`,
      );
    }
    const channel = this.world.requireChannel(state.channelId).json;
    const recipient = channel.type === ChannelType.DM ? channel.recipients?.[0]?.id : undefined;
    if (recipient && recipient !== input.user && !input.unchecked) {
      throw new DispatchError(
        `message ${input.messageId} is in ${recipient}'s DM; ${input.user} cannot click it`,
      );
    }
    const component = flattenComponents(state.json.components ?? []).find(
      (c) => c.custom_id === input.customId,
    );
    if (!input.unchecked) {
      if (!component || component.type !== kind) {
        const ids = flattenComponents(state.json.components ?? [])
          .map((c) => c.custom_id)
          .filter(Boolean);
        throw new DispatchError(
          `message ${input.messageId} has no ${ComponentType[kind]} "${input.customId}" (has ${ids.join(', ') || 'none'})`,
        );
      }
      if (component.disabled === true)
        throw new DispatchError(`component "${input.customId}" is disabled`);
    }
    return { message: state.json, channelId: state.channelId, component };
  }

  private send(
    type: InteractionType,
    actor: Actor,
    channelId: string,
    data: Json,
    message: APIMessage | null,
  ): InteractionHandle {
    const id = snowflake();
    const token = interactionToken(id);
    const locale = actor.locale ?? 'en-US';
    const payload: Json = {
      ...envelope(this.world, { id, token, type, userId: actor.user, channelId, locale }),
      data,
      ...(message ? { message } : {}),
    };
    const record: InteractionRecord = {
      id,
      token,
      type,
      payload,
      userId: actor.user,
      channelId,
      dispatchedAt: Date.now(),
      callbacks: [],
      originalMessageId: null,
      originalLoading: false,
      sourceMessageId: message?.id ?? null,
      followUpIds: [],
      edits: [],
      modal: null,
    };
    this.world.interactions.set(id, record);
    this.world.interactionByToken.set(token, record);
    const guildId = this.world.requireChannel(channelId).guildId;
    const delivered = this.gateway.dispatch('INTERACTION_CREATE', payload, { guildId });
    if (delivered === 0) {
      throw new DispatchError(
        'no connected gateway session would receive this interaction; has the client logged in?',
      );
    }
    return this.handle(record);
  }

  private handle(record: InteractionRecord): InteractionHandle {
    const { world, recorder } = this;
    const what = (thing: string) => `${thing} of interaction ${record.id}`;
    return {
      id: record.id,
      token: record.token,
      payload: record.payload,
      record,
      callback: (options) =>
        recorder.waitFor(() => record.callbacks[0], { what: what('the callback'), ...options }),
      followUp: (index = 0, options) =>
        recorder.waitFor(
          () => {
            const id = record.followUpIds[index];
            return id ? world.messages.get(id)?.json : undefined;
          },
          { what: what(`follow-up #${index}`), ...options },
        ),
      edit: (index = 0, options) =>
        recorder.waitFor(() => record.edits[index], { what: what(`edit #${index}`), ...options }),
      original: () =>
        record.originalMessageId ? world.messages.get(record.originalMessageId)?.json : undefined,
    };
  }
}
