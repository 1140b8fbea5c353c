/**
 * Telling a person when the bot was shut out of their channel. Core pauses a daily question whose
 * post Slack refused for good; Slack shows nothing to anyone when a bot is removed, so the admin
 * who set the daily question up gets a DM saying which channel and what to do.
 */
import type { SubscriptionStore } from '../../core/quiz/ports.js';
import type { webApi } from '@slack/bolt';
import { parseChannelKey, parseUserKey } from './ids.js';
import { escapeSlack } from './mrkdwn.js';
import type { SlackPeople } from './people.js';
import { slackWordingFor } from './wording/index.js';

interface LogLike {
  warn(obj: object, msg?: string): void;
}

export class RefusalNotices {
  constructor(
    private readonly env: {
      client: webApi.WebClient;
      subscriptions: SubscriptionStore;
      people: SlackPeople;
      log: LogLike;
    },
  ) {}

  /** DMs whoever set up the channel's daily question that it is paused, and why. */
  async dailyPaused(channelKey: string, reason: string): Promise<void> {
    const { client, subscriptions, people, log } = this.env;
    try {
      const sub = await subscriptions.get(channelKey);
      const admin = sub && parseUserKey(sub.createdBy);
      const channel = parseChannelKey(channelKey);
      if (!admin || !channel) return;
      const { locale } = await people.get(admin.user);
      const text = escapeSlack(
        slackWordingFor(locale).notice({ code: 'daily-paused', channel: '\u0000', reason }),
      ).replace('\u0000', `<#${channel.channel}>`);
      const dm = await client.conversations.open({ users: admin.user });
      if (dm.channel?.id) await client.chat.postMessage({ channel: dm.channel.id, text });
    } catch (error) {
      log.warn(
        { err: String(error), channel: channelKey },
        'could not tell the admin about a paused channel',
      );
    }
  }
}
