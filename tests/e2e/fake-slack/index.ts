/** The fake Slack for end-to-end tests: start it, point Bolt at it, drive it, read what it saw. */
export { startFakeSlack } from './server.js';
export type {
  FakeSlack,
  FakeSlackOptions,
  FakeSocketMode,
  SentEnvelope,
  SentRequest,
} from './api.js';
export type { ActionOptions, SlashCommandOptions, ViewSubmissionOptions } from './inbound.js';
export type { Failure } from './methods.js';
export type {
  ApiCall,
  EnvelopeRecord,
  FileUpload,
  ResponseUrlPost,
  ViewRecord,
  WaitOptions,
} from './recorder.js';
export type { DispatchOptions, EnvelopeType, SocketAck } from './socket-mode.js';
export {
  nowSeconds,
  postEvent,
  postInteractive,
  postSigned,
  postSlashCommand,
  signedHeaders,
  slackSignature,
  type HttpReply,
  type SigningOptions,
} from './signing.js';
export type { FakeChannelInput, FakeMessage, FakeUserInput, Identity } from './workspace.js';
