/**
 * How quizbot's Web API client behaves: where it points, how long it waits, how often it retries.
 *
 * The WebClient's default retries 10 times over about 30 minutes, and Socket Mode silently swaps
 * in 100 retries when none is set; either would leave a daily post or a reply hanging long after
 * anyone cares. Three retries with exponential back-off (0.5 s, 1 s, 2 s, each at most 4 s) ride
 * out a blip; `ratelimited` (HTTP 429) is waited out for its `Retry-After` by the client and then
 * counts as one of those retries. Slack's own refusals (`not_in_channel` …) are never retried.
 */
import type { webApi } from '@slack/bolt';

export const SLACK_RETRY_POLICY = {
  retries: 3,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 4_000,
  randomize: true,
} as const satisfies webApi.RetryOptions;

/** One Web API request that has not answered in this long is abandoned (and may be retried). */
export const SLACK_REQUEST_TIMEOUT_MS = 10_000;

export interface ClientSettings {
  /** Web API base (`SLACK_API_URL`); undefined means slack.com. */
  apiUrl: string | undefined;
  /** Tests pass a faster policy; production uses SLACK_RETRY_POLICY. */
  retry?: webApi.RetryOptions;
  logger?: webApi.WebClientOptions['logger'];
}

/** Options for Bolt's App (`clientOptions`): every client Bolt builds gets them. */
export function slackClientOptions(settings: ClientSettings): webApi.WebClientOptions {
  return {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    // Always explicit: Socket Mode writes its own 100-retry policy into these options otherwise.
    retryConfig: { ...(settings.retry ?? SLACK_RETRY_POLICY) },
    timeout: SLACK_REQUEST_TIMEOUT_MS,
    ...(settings.logger ? { logger: settings.logger } : {}),
  };
}
