import type { ConsoleWording } from './types.js';

/** 简体中文（/lang zh）。 */
export const consoleZh: ConsoleWording = {
  banner:
    'quizbot 控制台——你是 "you"（管理员），在 #general。输入 /quiz help；控制台命令：/as 名字、/channel 名字、/admin on|off、/lang en|zh、/clock [+1d|+2h|+30m]、/press …、/inbox、/whoami、/perms allow|deny、exit',
  adminHint: '（控制台：/admin on 可设为管理员）',
  pressHelp: '按钮：/press rate knew · /press rate partly · /press rate missed · /press reveal',
  postedIn: (channel, at) => `#${channel} · quizbot · ${at}`,
  threadOf: (id) => `${id} 的讨论串`,
  dmFrom: (user, at) => `私信 @${user} · quizbot · ${at}`,
  cardWritten: (path) => `排行榜图片：${path}`,
  notACommand: '命令以 /quiz 开头（试试 /quiz help），或是 /clock 之类的控制台命令。',
  unknownCommand: (name, known) =>
    `没有控制台命令 /${name}；可用：${known.map((k) => `/${k}`).join('、')}。`,
  badName: (name) => `“${name}”不能作名字：请用 1-32 个字符，不含空格、“:”、“#”或“@”。`,
  actingAs: (user, channel, admin) =>
    `你现在是 ${user}${admin ? '（管理员）' : ''}，在 #${channel}。`,
  admin: (on, user) => (on ? `${user} 现在是管理员。` : `${user} 不再是管理员。`),
  language: () => '语言：简体中文。',
  perms: (channel, allowed) =>
    allowed
      ? `机器人可以再次在 #${channel} 发消息。`
      : `机器人不能再在 #${channel} 发消息（缺少发送消息权限）。`,
  clockNow: (at, zone) => `机器人时间：${at}（${zone}）。`,
  clockUsage: '用 /clock 查看时间，或用 /clock +1d、+2h、+30m（或 +1d2h）快进。',
  clockMoved: (from, to, ran) => `时间从 ${from} 快进到 ${to}；执行了 ${ran} 项计划任务。`,
  fastForwardItem: (at, what, status) => `⏩ ${at} ${what}：${status}`,
  inboxEmpty: '收件箱是空的。',
  inboxHeader: (n) => `收件箱：${n} 条消息`,
  newDm: (user) => `📬 ${user} 有一条新私信；输入 /inbox 查看。`,
  pressUsage:
    '用 /press rate knew|partly|missed 或 /press reveal；它会按下本频道最新一条消息上的按钮。' +
    '收件箱里的复习卡片：先 /press drill reveal，再 /press again|hard|good|easy。',
  nothingToPress: '本频道还没有带按钮的消息。',
  noSuchButton: (wanted, available) =>
    `最新消息上没有“${wanted}”按钮；有：${available.join('、')}。`,
  unexpected: (message) => `出错了：${message}。错误已记录。`,
  drillRevealHelp: '按钮：/press drill reveal',
  drillRateHelp: '按钮：/press again · /press hard · /press good · /press easy',
  noDrillCard: '收件箱里没有等待复习的卡片；/quiz drill now 会发送到期的卡片。',
};
