/** Job `reveal`: the answer and the recap in a daily post's thread. */
import { revealDaily } from '../core/quiz/reveal.js';
import { stringField, type JobHandler } from './types.js';

export const revealJob: JobHandler<'reveal'> = {
  name: 'reveal',
  parse: (data) => ({ postKey: stringField('reveal', data, 'postKey') }),
  async run({ deps, catalog }, { data }) {
    const result = await revealDaily(deps, catalog, data.postKey);
    if (result.status === 'skipped') return { status: 'skipped', reason: result.reason };
    return { status: 'revealed', postKey: data.postKey, tried: result.recap.tried };
  },
};
