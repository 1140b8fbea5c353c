/**
 * A fake Discord for end-to-end tests: REST under `/api/v10` and a v10 gateway websocket on one
 * 127.0.0.1 port. The real discord.js client logs in to it (`rest: { api: fake.apiUrl }`),
 * receives READY and GUILD_CREATE, and gets real-shaped interactions pushed by `dispatch*`;
 * every REST call it makes is recorded, and chosen routes can be made to fail.
 *
 * Close every discord.js client before `close()`: a client whose gateway drops reconnects.
 */
import type { AddressInfo } from 'node:net';
import type {
  APIApplicationCommand,
  APIDMChannel,
  APIMessage,
  APIThreadChannel,
  APIUser,
} from 'discord.js';
import {
  Dispatcher,
  type AutocompleteInput,
  type CommandInput,
  type ComponentInput,
  type InteractionHandle,
  type ModalSubmitInput,
  type SelectInput,
} from './dispatch.js';
import { Gateway, type SessionInfo } from './gateway.js';
import { buildUser } from './payloads.js';
import {
  Recorder,
  matches,
  type Failure,
  type RecordedCall,
  type RouteMatcher,
  type WaitOptions,
} from './recorder.js';
import { createHttpServer, type HttpDeps } from './server.js';
import {
  World,
  type GuildSeed,
  type InteractionRecord,
  type MemberSeed,
  type RecordedCallback,
  type UserSeed,
} from './state.js';

export type {
  AutocompleteInput,
  CommandInput,
  ComponentInput,
  InteractionHandle,
  ModalSubmitInput,
  SelectInput,
};
export type { Failure, RecordedCall, RecordedCallback, RouteMatcher, SessionInfo, WaitOptions };
export type {
  ChannelSeed,
  GuildSeed,
  MemberSeed,
  OverwriteSeed,
  RoleSeed,
  UserSeed,
} from './state.js';
export type { RecordedEdit, InteractionRecord } from './state.js';
export type { RecordedFile } from './recorder.js';
export type { PermissionName, PermissionsInput } from './permissions.js';
export { DispatchError } from './interaction-payloads.js';
export { shardOf } from './gateway.js';

export interface FakeDiscordOptions {
  token: string;
  applicationId: string;
  /** The bot user; its id defaults to the application id, as for every app created since 2019. */
  bot?: { id?: string; username?: string };
  guilds?: readonly GuildSeed[];
  /** Users outside any guild (for DMs). */
  users?: readonly UserSeed[];
  /** Shard count answered by `/gateway/bot`; default 1. */
  recommendedShards?: number;
  /**
   * `session_start_limit.max_concurrency`; default 1 as for most bots. discord.js waits ~5 s
   * between identifies that share a bucket, so multi-shard tests want one bucket per shard.
   */
  maxConcurrency?: number;
  /** Privileged intents granted in the developer portal (bitfield); default none. */
  privilegedIntents?: number;
  /** HELLO's heartbeat interval; default 41250 ms as on Discord. */
  heartbeatIntervalMs?: number;
  /** Callbacks later than this answer 10062 Unknown interaction; default 3000 ms. */
  callbackDeadlineMs?: number;
  /** Interaction webhook lifetime; default 15 minutes. */
  tokenTtlMs?: number;
  /** How long `enforce_nonce` deduplicates; default 5 minutes. */
  nonceWindowMs?: number;
}

export interface FakeDiscord {
  /** For discord.js `rest.api` / `DISCORD_API_URL`: `http://127.0.0.1:PORT/api`. */
  readonly apiUrl: string;
  /** What `/gateway/bot` answers: `ws://127.0.0.1:PORT/gateway`. */
  readonly gatewayUrl: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  /** Every REST request so far, in order (live). */
  readonly calls: readonly RecordedCall[];
  /** Recorded requests whose method and path match. */
  callsTo(matcher: RouteMatcher): RecordedCall[];
  /** Requests that hit no route (answered 404): what the fake is missing. */
  unknownCalls(): RecordedCall[];

  dispatchCommand(input: CommandInput): InteractionHandle;
  dispatchAutocomplete(input: AutocompleteInput): InteractionHandle;
  dispatchButton(input: ComponentInput): InteractionHandle;
  dispatchSelect(input: SelectInput): InteractionHandle;
  dispatchModalSubmit(input: ModalSubmitInput): InteractionHandle;
  waitForCallback(interactionId: string, options?: WaitOptions): Promise<RecordedCallback>;
  waitForCall(
    matcher: RouteMatcher,
    options?: WaitOptions & { after?: number },
  ): Promise<RecordedCall>;
  /** Resolves with the probe's first defined value, re-checked after every request and gateway event. */
  waitFor<T>(probe: () => T | undefined, options?: WaitOptions): Promise<T>;

  /** The next matching request(s) fail with this status (and Discord's body and headers). */
  failNext(matcher: RouteMatcher, failure: Failure): void;
  clearFailures(): void;

  /** A channel's (or thread's) visible history, oldest first: no ephemeral or deleted messages. */
  messages(channelId: string): APIMessage[];
  /** Any message by id, ephemeral ones included. */
  message(id: string): APIMessage | undefined;
  threads(parentId?: string): APIThreadChannel[];
  dmChannels(): APIDMChannel[];
  /** Registered commands: global, or a guild's. */
  commands(guildId?: string): APIApplicationCommand[];
  interaction(id: string): InteractionRecord | undefined;
  /** Bytes of an uploaded attachment (also served at its `url`). */
  attachmentBytes(attachmentId: string): Buffer | undefined;

  addMember(guildId: string, member: MemberSeed): void;
  setDmsClosed(userId: string, closed: boolean): void;

  readonly gateway: {
    sessions(): SessionInfo[];
    /** Op 7 Reconnect: discord.js closes and RESUMEs on `resume_gateway_url`. */
    requestReconnect(sessionId?: string): void;
  };
  close(): Promise<void>;
}

export async function startFakeDiscord(options: FakeDiscordOptions): Promise<FakeDiscord> {
  const recorder = new Recorder();
  // The server must listen before its port is known, and the world needs that port.
  const wired: { deps?: HttpDeps } = {};
  const server = createHttpServer(() => wired.deps!);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `127.0.0.1:${port}`;
  const gatewayUrl = `ws://${origin}/gateway`;
  const botUser = buildUser({
    id: options.bot?.id ?? options.applicationId,
    username: options.bot?.username ?? 'QuizBot',
    bot: true,
  });
  const world = new World({
    token: options.token,
    applicationId: options.applicationId,
    botUser,
    cdnBase: `http://${origin}/cdn`,
    callbackDeadlineMs: options.callbackDeadlineMs ?? 3000,
    tokenTtlMs: options.tokenTtlMs ?? 15 * 60_000,
    nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000,
    guilds: options.guilds ?? [],
    users: options.users ?? [],
  });
  const gateway = new Gateway(
    world,
    {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      privilegedIntents: options.privilegedIntents ?? 0,
      resumeUrl: `ws://${origin}/gateway-resume`,
    },
    () => recorder.notify(),
  );
  wired.deps = {
    world,
    gateway,
    recorder,
    gatewayBot: {
      url: gatewayUrl,
      shards: options.recommendedShards ?? 1,
      maxConcurrency: options.maxConcurrency ?? 1,
    },
  };
  const dispatcher = new Dispatcher(world, gateway, recorder);

  return {
    apiUrl: `http://${origin}/api`,
    gatewayUrl,
    applicationId: options.applicationId,
    botUser,
    calls: recorder.calls,
    callsTo: (matcher) => recorder.calls.filter((c) => matches(matcher, c.method, c.path)),
    unknownCalls: () => recorder.calls.filter((c) => c.route === 'unknown'),
    dispatchCommand: (input) => dispatcher.command(input),
    dispatchAutocomplete: (input) => dispatcher.autocomplete(input),
    dispatchButton: (input) => dispatcher.button(input),
    dispatchSelect: (input) => dispatcher.select(input),
    dispatchModalSubmit: (input) => dispatcher.modalSubmit(input),
    waitForCallback: (id, opts) =>
      recorder.waitFor(() => world.interactions.get(id)?.callbacks[0], {
        what: `the callback of ${id}`,
        ...opts,
      }),
    waitForCall: (matcher, opts) =>
      recorder.waitFor(
        () =>
          recorder.calls.find(
            (c) =>
              c.seq > (opts?.after ?? 0) && c.status !== 0 && matches(matcher, c.method, c.path),
          ),
        { what: `a call to ${String(matcher)}`, ...opts },
      ),
    waitFor: (probe, opts) => recorder.waitFor(probe, opts),
    failNext: (matcher, failure) => recorder.failNext(matcher, failure),
    clearFailures: () => recorder.clearFailures(),
    messages: (channelId) => world.channelMessages(channelId),
    message: (id) => world.messages.get(id)?.json,
    threads: (parentId) =>
      [...world.channels.values()]
        .filter((c) => world.isThread(c) && (!parentId || c.json.parent_id === parentId))
        .map((c) => c.json as APIThreadChannel),
    dmChannels: () =>
      [...world.dmByRecipient.values()].map((id) => world.requireChannel(id).json as APIDMChannel),
    commands: (guildId) => [
      ...(guildId
        ? (world.guildCommands.get(guildId)?.values() ?? [])
        : world.globalCommands.values()),
    ],
    interaction: (id) => world.interactions.get(id),
    attachmentBytes: (id) => world.attachments.get(id)?.bytes,
    addMember: (guildId, member) => void world.addMember(guildId, member),
    setDmsClosed: (userId, closed) =>
      void (closed ? world.dmsClosed.add(userId) : world.dmsClosed.delete(userId)),
    gateway: {
      sessions: () => gateway.sessions(),
      requestReconnect: (id) => gateway.requestReconnect(id),
    },
    close: async () => {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((e) => (e ? reject(e) : resolve())),
      );
    },
  };
}
