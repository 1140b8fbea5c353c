import type { CommandFailure, OptionExpectation } from '../commands/reply.js';
import type { PeriodKind, Rating } from '../core/quiz/types.js';
import type { Notice } from '../core/quiz/views.js';
import { formatMinutes, formatWhen } from './time.js';
import type { Wording } from './types.js';

const RATING: Record<Rating, string> = { knew: '会', partly: '部分会', missed: '不会' };
const PERIOD: Record<PeriodKind, string> = { week: '本周', month: '本月', all: '总' };
const SET_EXAMPLE = '/quiz daily set time:09:30 timezone:Asia/Shanghai';

const when = (iso: string, zone: string) => formatWhen(iso, zone, 'zh-CN');
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const minutes = (n: number) => formatMinutes(n, 'zh-CN');

function expected(e: OptionExpectation): string {
  switch (e.type) {
    case 'text':
      return '文字';
    case 'integer':
      return e.min !== undefined && e.max !== undefined
        ? ` ${e.min} 到 ${e.max} 之间的整数`
        : '整数';
    case 'boolean':
      return ' true 或 false';
    case 'user':
      return '某个人';
    case 'choice':
      return ` ${e.choices.join('、')} 之一`;
  }
}

function failure(f: CommandFailure): string {
  switch (f.code) {
    case 'not-admin':
      return '只有管理员可以执行此操作。';
    case 'bad-time':
      return `“${f.value}”不是有效时间；请用 24 小时制 HH:MM，例如 09:30 或 18:00。`;
    case 'bad-timezone':
      return `“${f.value}”不是时区；请用 IANA 时区名，例如 Asia/Shanghai、Europe/Berlin 或 UTC。`;
    case 'unknown-tags':
      return `没有标签为 ${f.tags.join('、')} 的题目。题库中的标签：${f.known.join('、')}。`;
    case 'bad-reveal-after':
      return `公布答案的时间须在出题后 1 分钟到 23 小时之间，而不是 ${minutes(f.value)}。`;
    case 'no-eligible-questions':
      return f.tags.length
        ? `没有带 ${f.tags.join(' 或 ')} 标签的完整题目；请换别的标签。`
        : '题库中没有可发布的完整题目。';
    case 'missing-permissions':
      return `机器人无法在此频道发消息：缺少 ${f.missing.join('、')} 权限。授权后请重试。`;
    case 'no-daily':
      return `本频道没有设置每日一题。管理员可以这样开启：${SET_EXAMPLE}`;
    case 'no-open-question':
      return '本频道还没有可自评的每日一题。';
    case 'already-revealed':
      return '答案已经公布，这道题的自评已关闭。';
    case 'unknown-post':
      return '这不是本工作区的每日一题。';
    case 'already-posted':
      return '正在发布本频道的题目，请一分钟后再试。';
    case 'unknown-command':
      return `没有 /quiz ${f.path} 这个命令；试试 /quiz help。`;
    case 'unknown-option':
      return `此命令没有“${f.option}”选项；可用的选项：${f.known.join('、') || '无'}。`;
    case 'missing-option':
      return `此命令需要 ${f.option}。`;
    case 'bad-option':
      return `${f.option}：应为${expected(f.expected)}，而不是“${f.value}”。`;
    case 'bad-duration':
      return `${f.option}：“${f.value}”不是时长；请用 8h、90m 或 1h30m。`;
    case 'unknown-question':
      return `没有题目“${f.input}”。`;
    case 'empty-query':
      return '请输入要搜索的内容。';
    case 'no-hits':
      return `没有与“${f.query}”匹配的题目。`;
    case 'no-random':
      return f.tag === null
        ? '题库中没有完整的题目。'
        : `没有标签为“${f.tag}”的完整题目。标签：${f.known.join('、')}`;
  }
}

function notice(n: Notice): string {
  switch (n.code) {
    case 'daily-set': {
      const tags = n.sub.tags.length ? `标签 ${n.sub.tags.join('、')}` : '全部标签';
      return `已开启每日一题：每天 ${n.sub.time}（${n.sub.timezone}），${tags}，${minutes(n.sub.revealAfterMinutes)}后公布答案。下一题：${when(n.next, n.sub.timezone)}。`;
    }
    case 'daily-off':
      return n.existed ? '已关闭本频道的每日一题。' : '本频道没有每日一题，无需关闭。';
    case 'daily-status': {
      if (!n.sub) return `本频道没有每日一题。管理员可以这样开启：${SET_EXAMPLE}`;
      const { sub } = n;
      const tags = sub.tags.length ? sub.tags.join('、') : '全部标签';
      const state = sub.paused
        ? `自 ${when(sub.paused.at, sub.timezone)} 起暂停：${sub.paused.reason}。重新执行 daily set 即可恢复。`
        : `下一题：${n.next ? when(n.next, sub.timezone) : '—'}。`;
      return [
        `每日一题：每天 ${sub.time}（${sub.timezone}）· ${tags} · ${minutes(sub.revealAfterMinutes)}后公布答案。`,
        `${state}本轮已发布 ${n.posted} 道题。`,
      ].join('\n');
    }
    case 'daily-posted':
      return `已在本频道发布 ${n.questionId}。`;
    case 'daily-paused':
      return `${n.channel} 的每日一题已暂停：${n.reason}。机器人能发消息后，请在该频道重新执行 /quiz daily set。`;
    case 'rated': {
      const streak = `连续 ${n.streak.current} 天。`;
      if (n.previous === n.rating) return `你已经自评为“${RATING[n.rating]}”，没有变化。`;
      if (n.previous)
        return `已从“${RATING[n.previous]}”改为“${RATING[n.rating]}”（${signed(n.delta)} 分）。${streak}`;
      return `已自评“${RATING[n.rating]}”（${signed(n.delta)} 分）。${streak}`;
    }
    case 'stats': {
      const rank = (p: PeriodKind) => (n.ranks[p] ? `（第 ${n.ranks[p]} 名）` : '');
      return [
        `${n.name}：本周 ${n.points.week} 分${rank('week')} · 本月 ${n.points.month} 分${rank('month')} · 总计 ${n.points.all} 分${rank('all')}`,
        `连续 ${n.streak.current} 天（最长 ${n.streak.best} 天）· 会 ${n.ratings.knew} · 部分会 ${n.ratings.partly} · 不会 ${n.ratings.missed}`,
      ].join('\n');
    }
  }
}

/** 简体中文。 */
export const zhCN: Wording = {
  locale: 'zh-CN',
  failure,
  didYouMean: '你是不是要找：',
  notice,
  rating: (r) => RATING[r],
  button: (a) => (a === 'reveal' ? '看答案' : RATING[a]),
  boardTitle: (p, final) => `${PERIOD[p]}排行榜${final ? '（最终）' : ''}`,
  boardSubtitle: (v) => `${v.period === 'all' ? '全部时间' : v.periodKey} · ${v.players} 人`,
  points: (n) => `${n} 分`,
  streak: (s) => `${s.current} 天（最长 ${s.best} 天）`,
  you: '你',
  emptyBoard: '还没有人得分——为今天的题目自评即可上榜。',
  finalBadge: '最终',
  dailyHeader: (day) => `每日一题 · ${day}`,
  hint: (text) => `提示：${text}`,
  answerAt: (at) => `答案将于 ${at} 公布。欢迎在讨论串中讨论。`,
  revealHeader: '答案',
  recap: (r) =>
    r.tried === 0
      ? '没有人自评这道题。'
      : `${r.tried} 人参与：${RATING.knew} ${r.byRating.knew} · ${RATING.partly} ${r.byRating.partly} · ${RATING.missed} ${r.byRating.missed}`,
  peekHeader: (id) => `仅你可见——${id} 的答案：`,
};
