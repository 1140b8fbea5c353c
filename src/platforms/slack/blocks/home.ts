/**
 * The App Home tab: the person's scores and streak, their drill (when this build has drills),
 * the workspace's board this week, and for admins the channels with a daily question and the
 * quiz-admin list (editable by Slack's own admins and owners).
 */
import type { types } from '@slack/bolt';
import type { DailySubscription } from '../../../core/quiz/types.js';
import type { LeaderboardView, StatsNotice } from '../../../core/quiz/views.js';
import { SLACK_MAX_VIEW_BLOCKS } from '../limits.js';
import { escapeSlack } from '../mrkdwn.js';
import type { SlackWords } from '../wording/index.js';
import { boardLines } from './board.js';
import { type Block, context, divider, header, section, sections } from './kit.js';

/** Not a `qz<version>:` id: the button listener must not take it. */
export const ADMINS_ACTION = 'quiz-admins';

export interface HomeData {
  words: SlackWords;
  viewer: string;
  stats: StatsNotice;
  board: LeaderboardView;
  /** The person's drill stats, null when they have no drill (left out: no drills in this process). */
  drill?: { line: string } | null;
  admin: {
    /** Daily subscriptions of the workspace, with their Slack channel ids. */
    channels: { sub: DailySubscription; channel: string }[];
    /** Slack user ids on the quiz-admin list. */
    admins: string[];
    /** Slack admins and owners may edit the list; listed admins only see it. */
    canEdit: boolean;
  } | null;
  /** A line about the last change (the list was saved, or refused). */
  notice?: string;
}

export function homeView(data: HomeData): types.HomeView {
  const { words } = data;
  const h = words.slack.home;
  const blocks: Block[] = [header(h.title)];
  if (data.notice) blocks.push(context(escapeSlack(data.notice)));
  blocks.push(
    section(`*${escapeSlack(h.you(data.stats.name))}*\n${escapeSlack(words.notice(data.stats))}`),
  );
  if (data.drill !== undefined) {
    blocks.push(
      section(
        `*${escapeSlack(h.drill)}*\n${data.drill ? escapeSlack(data.drill.line) : h.noDrill}`,
      ),
    );
  }
  blocks.push(
    divider(),
    section(`*${escapeSlack(h.board)}*`),
    ...boardLines(data.board, words, data.viewer),
  );
  if (data.admin) blocks.push(divider(), ...adminBlocks(data.admin, words));
  blocks.push(divider(), context(h.help));
  return { type: 'home', blocks: blocks.slice(0, SLACK_MAX_VIEW_BLOCKS) };
}

function adminBlocks(admin: NonNullable<HomeData['admin']>, words: SlackWords): Block[] {
  const h = words.slack.home;
  const lines = admin.channels.map(({ sub, channel }) =>
    h.channel({
      channel: `<#${channel}>`,
      time: escapeSlack(sub.time),
      zone: escapeSlack(sub.timezone),
      tags: sub.tags.map(escapeSlack),
      paused: sub.paused ? escapeSlack(sub.paused.reason) : null,
    }),
  );
  const list: Block = admin.canEdit
    ? {
        type: 'section',
        text: { type: 'mrkdwn', text: `*${escapeSlack(h.admins)}*\n${escapeSlack(h.adminsHint)}` },
        accessory: {
          type: 'multi_users_select',
          action_id: ADMINS_ACTION,
          placeholder: { type: 'plain_text', text: h.adminsPlaceholder },
          ...(admin.admins.length ? { initial_users: admin.admins } : {}),
        },
      }
    : section(
        `*${escapeSlack(h.admins)}*\n${admin.admins.map((u) => `<@${u}>`).join(', ') || '—'}`,
      );
  return [
    section(`*${escapeSlack(h.channels)}*`),
    ...(lines.length ? sections(lines.join('\n')) : [section(h.noChannels)]),
    list,
  ];
}
