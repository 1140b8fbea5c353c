import type { SlackWording } from './types.js';

/** 简体中文。 */
export const slackZhCN: SlackWording = {
  unexpected: '出错了，错误已记录。请稍后再试。',
  badText: (message) => `${message}。输入 /quiz help 查看全部命令。`,
  oldButton: '这个按钮来自旧版 quizbot；请重新执行命令。',
  badButton: '无法识别这个按钮；请重新执行命令。',
  showButton: '查看',
  formulaAsText: '公式（TeX）',
  part: (n, of) => `第 ${n}/${of} 部分`,
  home: {
    title: 'quizbot',
    you: (name) => `${name} 的成绩`,
    drill: '每日复习',
    noDrill: '还没有开启每日复习。用 `/quiz drill start time:21:00 timezone:Asia/Shanghai` 开启。',
    board: '本工作区本周排行',
    channels: '每日一题（管理员）',
    noChannels:
      '还没有频道开启每日一题。在频道中输入 `/quiz daily set time:09:30 timezone:Asia/Shanghai`。',
    channel: (c) =>
      `${c.channel} · 每天 ${c.time}（${c.zone}）· ${c.tags.length ? c.tags.join('、') : '全部标签'}` +
      (c.paused ? `\n:warning: 已暂停：${c.paused}` : ''),
    admins: '题库管理员',
    adminsHint: 'Slack 工作区管理员和所有者始终可以执行管理员命令；这里选择的人也可以。',
    adminsPlaceholder: '选择成员',
    help: '在任意频道输入 `/quiz help` 查看全部命令。',
  },
  admins: {
    saved: (count) => (count === 0 ? '已清空题库管理员。' : `已保存题库管理员：${count} 人。`),
    refused: '只有 Slack 工作区管理员和所有者可以修改题库管理员。',
  },
  modal: {
    title: '你的答案',
    label: '答案',
    submit: '提交',
    close: '取消',
    empty: '请先输入答案。',
  },
};
