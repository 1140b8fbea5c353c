/** Job `period-close`: archive a finished week or month and post its final board. */
import { closePeriod } from '../core/quiz/boards.js';
import { JobDataError, stringField, type JobHandler } from './types.js';

export const periodCloseJob: JobHandler<'period-close'> = {
  name: 'period-close',
  parse(data) {
    const workspace = stringField('period-close', data, 'workspace');
    const period = stringField('period-close', data, 'period');
    if (period !== 'week' && period !== 'month') {
      throw new JobDataError(
        'period-close',
        `has period ${JSON.stringify(period)}, not week or month`,
      );
    }
    return { workspace, period };
  },
  async run({ deps }, { data, scheduledAt }) {
    // Fired at the first minute of the next period; core closes the period of that minute − 1.
    const result = await closePeriod(deps, { ...data, firedAt: scheduledAt });
    return { status: result.closed ? 'closed' : 'already-closed', ...result };
  },
};
