/** Every `/quiz` subcommand, by its path in the command spec (a test keeps the two in step). */
import { answer } from './answer.js';
import { competeAnswer } from './compete-answer.js';
import { competeStart } from './compete-start.js';
import { competeStatus } from './compete-status.js';
import { competeStop } from './compete-stop.js';
import { dailyNow } from './daily-now.js';
import { dailyOff } from './daily-off.js';
import { dailySet } from './daily-set.js';
import { dailyStatus } from './daily-status.js';
import { drillNow } from './drill-now.js';
import { drillStart } from './drill-start.js';
import { drillStats } from './drill-stats.js';
import { drillStop } from './drill-stop.js';
import { help } from './help.js';
import { leaderboard } from './leaderboard.js';
import { random } from './random.js';
import { search } from './search.js';
import { show } from './show.js';
import { stats } from './stats.js';
import type { CommandHandler } from './types.js';

export const commandHandlers: Readonly<Record<string, CommandHandler>> = {
  show,
  search,
  random,
  'daily set': dailySet,
  'daily off': dailyOff,
  'daily now': dailyNow,
  'daily status': dailyStatus,
  'drill start': drillStart,
  'drill stop': drillStop,
  'drill now': drillNow,
  'drill stats': drillStats,
  'compete start': competeStart,
  'compete stop': competeStop,
  'compete status': competeStatus,
  'compete answer': competeAnswer,
  answer,
  leaderboard,
  stats,
  help,
};
