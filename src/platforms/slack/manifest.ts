/**
 * The Slack app manifest (https://docs.slack.dev/reference/app-manifest): paste it into
 * api.slack.com/apps → Create New App → From a manifest. Over HTTP, the slash command,
 * interactivity and events all go to `<url>/slack/events`; in Socket Mode there are no URLs.
 */
import { quizCommand } from '../../../commands/quiz.js';
import { SLACK_EVENTS_PATH } from './adapter.js';
import { SLACK_BOT_EVENTS, SLACK_BOT_SCOPES } from './scopes.js';

export type ManifestTransport = { mode: 'http'; baseUrl: string } | { mode: 'socket' };

export function slackManifest(
  transport: ManifestTransport,
  name = 'quizbot',
): Record<string, unknown> {
  const url =
    transport.mode === 'http'
      ? { url: `${transport.baseUrl.replace(/\/+$/, '')}${SLACK_EVENTS_PATH}` }
      : {};
  return {
    display_information: {
      name,
      description: 'ML interview questions: a daily question, lookups, drills and competitions',
      background_color: '#1f2d3d',
    },
    features: {
      app_home: {
        home_tab_enabled: true,
        // Drills arrive by DM; people answer with buttons, not by typing to the bot.
        messages_tab_enabled: true,
        messages_tab_read_only_enabled: true,
      },
      bot_user: { display_name: name, always_online: true },
      slash_commands: [
        {
          command: `/${quizCommand.name}`,
          ...url,
          description: quizCommand.description.en,
          usage_hint: 'show Q3 · search 白化 · daily set time:09:30 timezone:Asia/Shanghai · help',
          // People named in `/quiz stats @someone` arrive as <@U…> ids, not display names.
          should_escape: true,
        },
      ],
    },
    oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] } },
    settings: {
      event_subscriptions: {
        ...(transport.mode === 'http' ? { request_url: url.url } : {}),
        bot_events: [...SLACK_BOT_EVENTS],
      },
      interactivity: {
        is_enabled: true,
        ...(transport.mode === 'http' ? { request_url: url.url } : {}),
      },
      org_deploy_enabled: false,
      socket_mode_enabled: transport.mode === 'socket',
      token_rotation_enabled: false,
    },
  };
}
