/**
 * The bot scopes quizbot asks for, derived from the Web API methods it calls: each method with
 * the scopes Slack requires for it (public and private channels, and DMs for drills). A test
 * reads the adapter's source and checks this table against the calls actually made, so the
 * manifest asks for exactly what is used.
 */
export const METHOD_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'conversations.replies': ['channels:history', 'groups:history', 'im:history'],
  'conversations.open': ['im:write'],
  'users.info': ['users:read'],
  // files.uploadV2: files.getUploadURLExternal, then files.completeUploadExternal.
  'files.uploadV2': ['files:write'],
  'views.open': [],
  'views.publish': [],
};

/** The slash command itself. */
const COMMAND_SCOPES = ['commands'];

/** Every bot scope, sorted. */
export const SLACK_BOT_SCOPES: readonly string[] = [
  ...new Set([...COMMAND_SCOPES, ...Object.values(METHOD_SCOPES).flat()]),
].sort();

/** Events quizbot subscribes to (neither needs a scope of its own). */
export const SLACK_BOT_EVENTS: readonly string[] = ['app_home_opened'];
