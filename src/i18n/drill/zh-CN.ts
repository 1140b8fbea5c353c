import type { DrillReplyFailure } from '../../commands/reply.js';
import type { DrillRating } from '../../core/drills/types.js';
import type { DrillNotice } from '../../core/drills/views.js';
import { formatWhen } from '../time.js';
import { zhCN as shared } from '../zh-CN.js';
import { formatDay, percent } from './format.js';
import type { DrillWording } from './types.js';

const RATING: Record<DrillRating, string> = {
  again: '忘记',
  hard: '困难',
  good: '良好',
  easy: '简单',
};
const START = '/quiz drill start time:21:00 timezone:Asia/Shanghai';

const day = (d: string) => formatDay(d, 'zh-CN');

function notice(n: DrillNotice, zone: string): string {
  switch (n.code) {
    case 'drill-started': {
      const tags = n.sub.tags.length ? `标签 ${n.sub.tags.join('、')}` : '全部标签';
      return (
        `每日复习已开启：每天 ${n.sub.time}（${n.sub.timezone}），每天最多 ${n.sub.perDay} 张新卡片，` +
        `来自${tags}。到期的卡片会私信发给你；第一次在 ${formatWhen(n.next, n.sub.timezone, 'zh-CN')}。`
      );
    }
    case 'drill-stopped':
      return n.existed
        ? '你在这里的每日复习已关闭。卡片和复习记录都会保留，随时可以重新开始。'
        : '你在这里没有每日复习，无需更改。';
    case 'drill-delivered':
      return `已私信发给你 ${n.cards} 张卡片。`;
    case 'drill-nothing-due':
      return n.nextDueDay
        ? `现在没有到期的卡片；下一张在 ${day(n.nextDueDay)} 到期。`
        : '没有到期的卡片，你选的标签也没有新卡片了。';
    case 'drill-dm-refused':
      return (
        `每日复习无法私信你（${n.reason}，${formatWhen(n.at, zone, 'zh-CN')}）。` +
        '请允许机器人私信你，然后运行 /quiz drill now。'
      );
    case 'drill-stats': {
      const recall = n.recallRate === null ? '还没有复习' : `记忆率 ${percent(n.recallRate)}`;
      return [
        `${n.name} 的每日复习${n.timezone ? `（${n.timezone}）` : ''}：连续 ${n.streak.current} 天（最长 ${n.streak.best} 天）。`,
        `复习：共 ${n.reviews.total} 次，最近 30 天 ${n.reviews.last30Days} 次 · ${recall}。`,
        `今天到期 ${n.dueToday} 张 · 本周到期 ${n.dueThisWeek} 张 · 已学 ${n.learned} 张。`,
      ].join('\n');
    }
  }
}

function failure(f: DrillReplyFailure): string {
  switch (f.code) {
    case 'bad-time':
    case 'bad-timezone':
    case 'unknown-tags':
    case 'no-eligible-questions':
      return shared.failure(f);
    case 'bad-per-day':
      return `per-day 须为每天 ${f.min} 到 ${f.max} 张新卡片，而不是 ${f.value}。`;
    case 'no-drill':
      return `你在这里没有每日复习。这样开启：${START}`;
    case 'dm-closed':
      return `机器人无法私信你（${f.reason}）。请允许私信后重试。`;
    case 'no-session':
      return '你现在没有进行中的复习；/quiz drill now 可以开始一轮。';
    case 'not-in-session':
      return `${f.questionId} 不在你当前这一轮的待复习卡片中（已经评过，或来自更早的一轮）。`;
    case 'unknown-question':
      return `${f.questionId} 已不在题库中，已跳过。`;
    case 'drills-unavailable':
      return '此机器人目前不提供每日复习。';
  }
}

/** 简体中文。 */
export const drillZhCN: DrillWording = {
  locale: 'zh-CN',
  notice,
  failure,
  sessionHeader: (v) => {
    const parts = [v.reviews ? `${v.reviews} 张复习` : '', v.fresh ? `${v.fresh} 张新卡片` : ''];
    return `每日复习 · ${day(v.day)} — ${parts.filter(Boolean).join('，')}`;
  },
  cardHeader: (p, isNew) => `第 ${p.index}/${p.total} 张${isNew ? ' · 新' : ''}`,
  answerHeader: (p) => `第 ${p.index}/${p.total} 张 · 答案`,
  hint: (text) => `提示：${text}`,
  revealButton: '显示答案',
  howWell: '你记得怎么样？',
  rating: (r) => RATING[r],
  ratingButton: (r, days) => `${RATING[r]} · ${days} 天`,
  days: (n) => `${n} 天`,
  rated: (r) =>
    `${RATING[r.rating]} — ${r.questionId} 将在 ${r.intervalDays} 天后（${day(r.dueDay)}）再次出现。`,
  summaryHeader: '本轮完成',
  summary: (v) =>
    [
      `评了 ${v.rated} 张，其中“忘记” ${v.again} 张。`,
      `连续 ${v.streak.current} 天（最长 ${v.streak.best} 天）。`,
      v.nextDueDay ? `下一张在 ${day(v.nextDueDay)} 到期。` : '没有到期的卡片。',
    ].join(''),
  day,
};
