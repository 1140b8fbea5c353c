/** The fake Slack's public surface: what a test gets back from `startFakeSlack()`. */
import type { ActionOptions, SlashCommandOptions, ViewSubmissionOptions } from './inbound.js';
import type { Failure } from './methods.js';
import type {
  ApiCall,
  EnvelopeRecord,
  FileUpload,
  ResponseUrlPost,
  ViewRecord,
  WaitOptions,
} from './recorder.js';
import type { HttpReply, SigningOptions } from './signing.js';
import type { DispatchOptions, EnvelopeType, SocketAck } from './socket-mode.js';
import type {
  FakeChannelInput,
  FakeEphemeral,
  FakeMessage,
  FakeUserInput,
  Identity,
} from './workspace.js';

export interface FakeSlackOptions {
  /** Must start with xoxb-; the only bot token the Web API accepts. */
  botToken: string;
  /** Must start with xapp-; enables apps.connections.open (Socket Mode). */
  appToken?: string;
  users?: FakeUserInput[];
  channels?: FakeChannelInput[];
  /** Override team/app/bot ids (set `enterpriseId` for an Enterprise Grid workspace). */
  identity?: Partial<Identity>;
}

export type SentRequest = HttpReply & {
  responseUrl: string | undefined;
  triggerId: string | undefined;
};
export type SentEnvelope = {
  ack: SocketAck;
  responseUrl: string | undefined;
  triggerId: string | undefined;
};

export interface FakeSocketMode {
  dispatchEnvelope(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    options?: DispatchOptions,
  ): Promise<SocketAck>;
  slashCommand(options: SlashCommandOptions, dispatch?: DispatchOptions): Promise<SentEnvelope>;
  action(options: ActionOptions, dispatch?: DispatchOptions): Promise<SentEnvelope>;
  viewSubmission(options: ViewSubmissionOptions, dispatch?: DispatchOptions): Promise<SentEnvelope>;
  /** An inner event, wrapped in event_callback and sent as `events_api`. */
  event(event: Record<string, unknown>, dispatch?: DispatchOptions): Promise<SocketAck>;
  connections(): number;
  waitForConnection(timeoutMs?: number): Promise<true>;
  waitForNoConnections(timeoutMs?: number): Promise<true>;
  sendDisconnect(reason?: 'refresh_requested' | 'warning' | 'link_disabled'): void;
}

export interface FakeSlack {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** http://127.0.0.1:PORT/api/ — WebClient `slackApiUrl`. */
  readonly apiUrl: string;
  readonly ids: Identity;
  readonly calls: readonly ApiCall[];
  readonly responses: readonly ResponseUrlPost[];
  readonly uploads: readonly FileUpload[];
  readonly views: readonly ViewRecord[];
  readonly envelopes: readonly EnvelopeRecord[];
  readonly ephemerals: readonly FakeEphemeral[];
  /** Methods the fake implements; anything else answers `unknown_method`. */
  readonly supportedMethods: readonly string[];
  callsTo(method: string): ApiCall[];
  /** A channel's messages, thread replies included, oldest first. */
  messages(channel: string): FakeMessage[];
  thread(channel: string, threadTs: string): FakeMessage[];
  /** The App Home view last published for a user. */
  homeView(userId: string): Record<string, unknown> | undefined;
  /** The DM channel id the fake uses for a user. */
  dmChannel(userId: string): string;
  /** Answer the next `times` calls of `method` with this failure instead of running it. */
  failNext(method: string, failure: Failure, times?: number): void;
  waitFor<T>(probe: () => T | undefined | null | false, options?: WaitOptions): Promise<T>;
  waitForCall(
    method: string,
    match?: (call: ApiCall) => boolean,
    options?: WaitOptions,
  ): Promise<ApiCall>;
  /** A person's message in a channel or thread (for discussions, and for `events.message`). */
  postAsUser(channel: string, userId: string, text: string, threadTs?: string): FakeMessage;
  sendSlashCommand(
    target: string,
    signingSecret: string,
    options: SlashCommandOptions,
  ): Promise<SentRequest>;
  sendAction(target: string, signingSecret: string, options: ActionOptions): Promise<SentRequest>;
  sendViewSubmission(
    target: string,
    signingSecret: string,
    options: ViewSubmissionOptions,
  ): Promise<SentRequest>;
  /** An inner event, wrapped in event_callback, POSTed as JSON. */
  sendEvent(
    target: string,
    signingSecret: string,
    event: Record<string, unknown>,
    signing?: SigningOptions,
  ): Promise<HttpReply>;
  /** Inner event builders. */
  readonly events: {
    appHomeOpened(userId: string): Record<string, unknown>;
    message(message: FakeMessage): Record<string, unknown>;
  };
  readonly socket: FakeSocketMode;
  close(): Promise<void>;
}
