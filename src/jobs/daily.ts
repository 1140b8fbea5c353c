/** Job `daily`: one channel's question for the day its firing was scheduled for. */
import { fireDaily } from '../core/quiz/daily.js';
import { ClaimBusyError } from './errors.js';
import { stringField, type JobHandler } from './types.js';

export const dailyJob: JobHandler<'daily'> = {
  name: 'daily',
  parse: (data) => ({ channel: stringField('daily', data, 'channel') }),
  async run({ deps, catalog }, { data, scheduledAt }) {
    // The scheduled time, not the time of this run, picks the day: a late or retried job
    // posts for its own day, and finds that day's claim if it already posted.
    const result = await fireDaily(deps, catalog, { channel: data.channel, scheduledAt });
    if (result.status === 'posted') {
      return { status: 'posted', postKey: result.post.key, questionId: result.post.questionId };
    }
    if (result.status === 'refused') return { status: 'refused', reason: result.reason };
    if (result.reason === 'busy') throw new ClaimBusyError(data.channel);
    return { status: 'skipped', reason: result.reason };
  },
};
