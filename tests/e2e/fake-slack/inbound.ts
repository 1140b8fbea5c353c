/**
 * What Slack sends the app, built from the fake's state and delivered either as a signed HTTP
 * request to a Bolt endpoint or as a Socket Mode envelope. One builder per kind, two transports.
 */
import * as payloads from './payloads.js';
import type { ResponseUrls } from './responses.js';
import type { SigningOptions } from './signing.js';
import type { Workspace } from './workspace.js';

export interface SlashCommandOptions {
  /** Everything after the command, e.g. "show Q3". */
  text: string;
  /** Default: the first configured user. */
  userId?: string;
  /** Default: the first configured channel. */
  channelId?: string;
  /** Default: /quiz. */
  command?: string;
  signing?: SigningOptions;
}

export type ActionOptions = {
  actionId: string;
  value?: string;
  blockId?: string;
  selectedOption?: { text: string; value: string };
  userId?: string;
  signing?: SigningOptions;
} & (
  | { /** A button on a message the app posted. */ channelId: string; messageTs: string }
  | { /** A button in a modal or App Home. */ viewId: string }
);

export interface ViewSubmissionOptions {
  /** Default: the view most recently opened. */
  viewId?: string;
  values: payloads.ViewSubmissionInput['values'];
  userId?: string;
  signing?: SigningOptions;
}

/** A built inbound payload plus the response_url / trigger_id it carries. */
export interface Built {
  payload: Record<string, unknown>;
  responseUrl: string | undefined;
  triggerId: string | undefined;
}

export class Inbound {
  constructor(
    private readonly ws: Workspace,
    private readonly ctx: payloads.PayloadContext,
    private readonly responseUrls: ResponseUrls,
  ) {}

  slashCommand(options: SlashCommandOptions): Built & { fields: Record<string, string> } {
    const user = this.actor(options.userId);
    const channel = this.channel(options.channelId);
    const built = payloads.slashCommand(this.ctx, {
      text: options.text,
      user,
      channel,
      ...(options.command ? { command: options.command } : {}),
    });
    this.responseUrls.issue(built.responseUrl, {
      channel: channel.id,
      user: user.id,
      messageTs: undefined,
    });
    return {
      payload: built.fields,
      fields: built.fields,
      responseUrl: built.responseUrl,
      triggerId: built.triggerId,
    };
  }

  action(options: ActionOptions): Built {
    const user = this.actor(options.userId);
    const common = {
      user,
      actionId: options.actionId,
      ...(options.blockId ? { blockId: options.blockId } : {}),
      ...(options.value !== undefined ? { value: options.value } : {}),
      ...(options.selectedOption ? { selectedOption: options.selectedOption } : {}),
    };
    if ('viewId' in options) {
      const view = this.ws.views.get(options.viewId);
      if (!view) throw new Error(`fake slack: no view ${options.viewId}`);
      const built = payloads.blockActions(this.ctx, {
        ...common,
        view: { ...view.view, id: view.id },
      });
      return { payload: built.payload, responseUrl: undefined, triggerId: built.triggerId };
    }
    const channel = this.channel(options.channelId);
    const stored = this.ws.findMessage(channel.id, options.messageTs);
    if (!stored) throw new Error(`fake slack: no message ${options.messageTs} in ${channel.id}`);
    const { channel: _c, ...message } = stored;
    const built = payloads.blockActions(this.ctx, { ...common, message: { channel, message } });
    if (built.responseUrl) {
      this.responseUrls.issue(built.responseUrl, {
        channel: channel.id,
        user: user.id,
        messageTs: stored.ts,
      });
    }
    return built;
  }

  viewSubmission(options: ViewSubmissionOptions): Built {
    const views = [...this.ws.views.values()];
    const view = options.viewId ? this.ws.views.get(options.viewId) : views.at(-1);
    if (!view) throw new Error(`fake slack: no view ${options.viewId ?? '(none opened)'}`);
    const built = payloads.viewSubmission(this.ctx, {
      user: this.actor(options.userId),
      view: { ...view.view, id: view.id, hash: view.hash },
      values: options.values,
    });
    return { payload: built.payload, responseUrl: undefined, triggerId: built.triggerId };
  }

  /** Wraps an inner event (`type: 'app_home_opened'`, `'message'` …) in an event_callback. */
  event(event: Record<string, unknown>): Record<string, unknown> {
    return payloads.eventCallback(this.ctx, event);
  }

  appHomeOpened(userId: string): Record<string, unknown> {
    const homeId = this.ws.homeViews.get(userId);
    const home = homeId ? this.ws.views.get(homeId) : undefined;
    return payloads.appHomeOpened(
      userId,
      this.ws.dmWith(userId).id,
      home ? { ...home.view, id: home.id, hash: home.hash } : undefined,
    );
  }

  private actor(userId: string | undefined): payloads.Actor {
    const user = userId
      ? this.ws.users.get(userId)
      : [...this.ws.users.values()].find((u) => !u.is_bot);
    if (!user) throw new Error(`fake slack: no user ${userId ?? '(none configured)'}`);
    return { id: user.id, name: user.name };
  }

  private channel(channelId: string | undefined): { id: string; name: string } {
    const channel = channelId
      ? this.ws.resolveChannel(channelId)
      : [...this.ws.channels.values()].find((c) => !c.is_im);
    if (!channel) throw new Error('fake slack: no channel configured');
    return {
      id: channel.id,
      name: channel.name ?? (channel.is_im ? 'directmessage' : channel.id.toLowerCase()),
    };
  }
}
