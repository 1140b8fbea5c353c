import type { CompeteFailure, CompeteNotice } from '../../core/competitions/views.js';
import { formatClock, tenths } from './format.js';
import type { CompeteWording } from './types.js';

const START = '/quiz compete start';

function notice(n: CompeteNotice, zone: string): string {
  switch (n.code) {
    case 'compete-started':
      return (
        `竞赛开始：共 ${n.rounds} 轮，每轮 ${n.secondsPerRound} 秒` +
        `${n.tags.length ? `（${n.tags.join('、')}）` : ''}。` +
        `第 1 轮于 ${formatClock(n.opensAt, zone, 'zh-CN')} 开始。`
      );
    case 'compete-stopped':
      return `竞赛已在 ${n.roundsPlayed} 轮后结束；本次不计入排行榜。`;
    case 'compete-status': {
      const c = n.competition;
      if (!c) return `本频道没有进行中的竞赛。开始一场：${START}`;
      const at = c.at ? formatClock(c.at, zone, 'zh-CN') : '';
      const phase =
        c.phase === 'waiting'
          ? `将于 ${at} 开始`
          : c.phase === 'open'
            ? `进行中，${at} 截止`
            : '正在结算';
      const top = c.standings.map((s) => `${s.rank}. ${s.name} ${s.points}`).join(' · ');
      return (
        `${c.startedByName} 发起的竞赛：第 ${c.round.number}/${c.round.of} 轮${phase}` +
        `（每轮 ${c.secondsPerRound} 秒${c.tags.length ? `，${c.tags.join('、')}` : ''}）。` +
        (top ? `\n排名：${top}` : '')
      );
    }
    case 'compete-answered':
      return `第 ${n.round.number} 轮答案已记录，用时 ${tenths(n.elapsedMs)} 秒。本轮结束时公布结果。`;
  }
}

function failure(f: CompeteFailure): string {
  switch (f.code) {
    case 'unknown-tags':
      return `没有标签为 ${f.tags.join('、')} 的竞赛题。有题目的标签：${f.known.join('、')}。`;
    case 'missing-permissions':
      return `机器人无法在此频道发言：缺少 ${f.missing.join('、')} 权限。授权后再试。`;
    case 'bad-rounds':
      return `竞赛轮数应为 ${f.min}-${f.max}，而不是 ${f.value}。`;
    case 'bad-seconds':
      return `每轮时长应为 ${f.min}-${f.max} 秒，而不是 ${f.value}。`;
    case 'not-enough-items':
      return `只有 ${f.available} 道${f.tags.length ? `标签为 ${f.tags.join('或')} 的` : ''}题可用；请减少轮数或换标签。`;
    case 'competition-running':
      return '本频道已有进行中的竞赛；查看 /quiz compete status。';
    case 'no-competition':
      return `本频道没有进行中的竞赛。开始一场：${START}`;
    case 'not-starter':
      return '只有管理员或竞赛发起人可以结束竞赛。';
    case 'round-not-open':
      return '下一轮还没有开始。';
    case 'round-closed':
      return '太晚了：本轮已结束，答案不计分。';
    case 'already-answered':
      return '你已经回答过本轮；只有第一次作答有效。';
    case 'unreadable-answer':
      return f.kind === 'numeric'
        ? '无法识别这个数字；请只输入数字，例如 42 或 0.5。'
        : f.kind === 'choice'
          ? '请用选项字母作答，例如 b 或 a c。'
          : '请输入缺失的术语，或选项字母。';
  }
}

export const competeZhCN: CompeteWording = {
  locale: 'zh-CN',
  notice,
  failure,
  roundHeader: (r) => `第 ${r.number}/${r.of} 轮`,
  howToAnswer: (item, seconds) => {
    const how =
      item.kind === 'numeric'
        ? `输入数字${item.unit ? `（单位 ${item.unit}）` : ''}`
        : item.multiple
          ? '输入所有正确选项的字母'
          : item.kind === 'cloze'
            ? '点选选项或输入术语'
            : '点选一个选项';
    return `${seconds} 秒内作答：${how}。只有第一次作答有效，越快得分越高。`;
  },
  entryButton: '作答',
  entryHint: (command) => `输入你的答案：${command}`,
  resultHeader: (r) => `第 ${r.number}/${r.of} 轮 · 结果`,
  expected: (expected, options) =>
    `答案：${options.length ? options.map((o) => `${o.id}) ${o.text}`).join('；') : expected}`,
  tally: (answered, correct) =>
    answered === 0 ? '无人作答。' : `${answered} 人作答，${correct} 人答对。`,
  fastestHeader: '最快答对：',
  noneCorrect: '无人答对。',
  fastLine: (rank, name, ms, points) => `${rank}. ${name} · ${tenths(ms)} 秒 · +${points}`,
  standingsSoFar: '排名：',
  next: (number, at, zone) => `第 ${number} 轮于 ${formatClock(at, zone, 'zh-CN')} 开始。`,
  lastRound: '这是最后一轮。',
  standingsHeader: (v) =>
    v.state === 'finished'
      ? `最终排名 · 共 ${v.rounds} 轮`
      : `竞赛已结束 · 前 ${v.roundsPlayed}/${v.rounds} 轮排名`,
  standingLine: (s) => `${s.rank}. ${s.name} · ${s.points} 分 · 答对 ${s.correct}/${s.answered}`,
  noPlayers: '无人作答。',
  awarded: (lines) =>
    lines.length === 0
      ? '本次没有排行榜积分。'
      : `计入排行榜：${lines.map((l) => `${l.name} +${l.points}`).join('，')}。`,
  seconds: (ms) => `${tenths(ms)} 秒`,
};
