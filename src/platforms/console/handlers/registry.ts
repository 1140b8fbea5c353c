/** Every `/quiz` subcommand the console answers, by its path in the command spec. */
import type { QuizHandler } from '../context.js';
import { answer } from './answer.js';
import { dailyNow } from './daily-now.js';
import { dailyOff } from './daily-off.js';
import { dailySet } from './daily-set.js';
import { dailyStatus } from './daily-status.js';
import { help } from './help.js';
import { leaderboard } from './leaderboard.js';
import { random } from './random.js';
import { search } from './search.js';
import { show } from './show.js';
import { stats } from './stats.js';

export const quizHandlers: Readonly<Record<string, QuizHandler>> = {
  show,
  search,
  random,
  help,
  'daily set': dailySet,
  'daily off': dailyOff,
  'daily now': dailyNow,
  'daily status': dailyStatus,
  answer,
  leaderboard,
  stats,
};
