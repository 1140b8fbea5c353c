/**
 * The console's Publisher: prints each posted message readably (thread replies indented under
 * their post), writes its pictures to files, keeps direct messages in per-user inboxes, and
 * remembers the buttons of each post so `/press` can act on the latest one.
 */
import type { DrillPublisher } from '../../core/drills/ports.js';
import type { DrillButton, DrillOutgoingView } from '../../core/drills/views.js';
import type { FormulaRenderer } from '../../core/ports.js';
import { type ChannelCheck, PublishRefusedError, type Publisher } from '../../core/quiz/ports.js';
import type { PostedRef } from '../../core/quiz/types.js';
import type { CompeteButton } from '../../core/competitions/views.js';
import type { ButtonAction, OutgoingView } from '../../core/quiz/views.js';
import type { Clock } from '../../core/time/clock.js';
import type { BoardCardRenderer } from '../../runtime/adapter.js';
import type { Style } from './format.js';
import { drillButtons } from './drill-text.js';
import { channelName, dmKey, dmOwner } from './ids.js';
import type { ImageFolder } from './images.js';
import type { ConsoleSession } from './session.js';
import { viewText, type ViewTextContext } from './view-text.js';
import { wordingFor } from './wording/index.js';
import { formatWhen } from '../../i18n/time.js';

export interface ConsoleOutput {
  write(text: string): void;
}

export interface ConsolePublisherOptions {
  session: ConsoleSession;
  output: ConsoleOutput;
  clock: Clock;
  renderer: FormulaRenderer;
  boardCard: BoardCardRenderer;
  images: ImageFolder;
  style: Style;
}

export interface PostedMessage {
  id: string;
  channel: string;
  buttons: (ButtonAction | CompeteButton | DrillButton)[];
}

/** What the console says the bot lacks in a channel denied with `/perms deny`. */
const SEND_MESSAGES = 'Send Messages';

export class ConsolePublisher implements Publisher, DrillPublisher {
  private seq = 0;
  private readonly sent = new Map<string, PostedRef>();
  private readonly messages: PostedMessage[] = [];
  private readonly inboxes = new Map<string, string[]>();

  constructor(private readonly options: ConsolePublisherOptions) {}

  async checkChannel(channel: string): Promise<ChannelCheck> {
    return this.options.session.canPost(channel)
      ? { ok: true }
      : { ok: false, missing: [SEND_MESSAGES] };
  }

  async post(
    target: { channel: string; thread?: PostedRef },
    view: OutgoingView | DrillOutgoingView,
    options: { idempotencyKey?: string } = {},
  ): Promise<PostedRef> {
    // Like a Discord nonce: the same post retried after a crash is not shown twice.
    const earlier = options.idempotencyKey && this.sent.get(options.idempotencyKey);
    if (earlier) return earlier;
    const { session, output, clock } = this.options;
    if (!session.canPost(target.channel)) {
      throw new PublishRefusedError(
        `the bot lacks ${SEND_MESSAGES} in #${channelName(target.channel)}`,
        'missing-permissions',
      );
    }
    const id = `m${++this.seq}`;
    const words = wordingFor(session.locale);
    const body = await viewText(view, this.textContext(id));
    const when = formatWhen(clock.now(), session.zone, session.locale);
    const owner = dmOwner(target.channel);
    const header = target.thread
      ? `↳ ${words.console.threadOf(target.thread.messageId)} · ${when} · ${id}`
      : `${owner ? words.console.dmFrom(owner, when) : words.console.postedIn(channelName(target.channel), when)} · ${id}`;
    const framed = frame(header, body, this.options.style, target.thread ? '    ' : '');
    if (owner) {
      this.inboxes.set(owner, [...(this.inboxes.get(owner) ?? []), framed]);
      output.write(words.console.newDm(owner));
    } else {
      output.write(framed);
    }
    this.messages.push({ id, channel: target.channel, buttons: buttonsOf(view) });
    // A daily question opens a discussion thread on itself; its reveal is posted there.
    const ref: PostedRef =
      view.kind === 'daily-question' ? { messageId: id, threadId: id } : { messageId: id };
    if (options.idempotencyKey) this.sent.set(options.idempotencyKey, ref);
    return ref;
  }

  /** The newest message in a channel that carries buttons. */
  latestWithButtons(channel: string): PostedMessage | undefined {
    return this.messages.findLast((m) => m.channel === channel && m.buttons.length > 0);
  }

  /**
   * What a drill button's reply adds to the person's DM conversation (the card's answer side, the
   * next card): kept in their inbox with its buttons, so `/press` acts on it next. Returns the
   * text `render` made for it.
   */
  async appendDm(
    user: string,
    buttons: DrillButton[],
    render: (text: ViewTextContext) => Promise<string>,
  ): Promise<string> {
    const id = `m${++this.seq}`;
    const body = await render(this.textContext(id));
    const { session, clock, style } = this.options;
    const when = formatWhen(clock.now(), session.zone, session.locale);
    const header = `${wordingFor(session.locale).console.dmFrom(user, when)} · ${id}`;
    const framed = frame(header, body, style, '');
    this.inboxes.set(user, [...(this.inboxes.get(user) ?? []), framed]);
    this.messages.push({ id, channel: dmKey(user), buttons });
    return body;
  }

  /** The newest message in a channel (a DM's latest card, whose buttons `/press` acts on). */
  latestIn(channel: string): PostedMessage | undefined {
    return this.messages.findLast((m) => m.channel === channel);
  }

  /** A user's direct messages, oldest first. */
  inbox(user: string): readonly string[] {
    return this.inboxes.get(user) ?? [];
  }

  /** What printing a view needs, for replies that show views outside a post. */
  textContext(messageId: string): ViewTextContext {
    const { session, style, renderer, boardCard, images } = this.options;
    return {
      words: wordingFor(session.locale),
      style,
      zone: session.zone,
      renderer,
      boardCard,
      images,
      messageId,
    };
  }
}

/** The buttons a posted view carries, remembered for `/press`. */
function buttonsOf(view: OutgoingView | DrillOutgoingView): PostedMessage['buttons'] {
  switch (view.kind) {
    case 'daily-question':
    case 'competition-round':
      return view.buttons;
    case 'drill-session':
    case 'drill-card':
    case 'drill-summary':
      return drillButtons(view);
    default:
      return [];
  }
}

function frame(header: string, body: string, style: Style, indent: string): string {
  const lines = body.split('\n').map((line) => `${indent}│ ${line}`);
  return [`${indent}${style.bold(`┌ ${header}`)}`, ...lines, `${indent}└`].join('\n');
}
