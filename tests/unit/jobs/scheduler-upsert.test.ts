/**
 * Why an unchanged schedule is left alone: BullMQ's upsert recomputes the next iteration from now,
 * so re-upserting while an iteration is overdue (the bot was down at 09:30) would drop that day.
 * (BullMQ behaviour checked against a real Redis while writing this; here the decision is tested.)
 */
import type { Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { dailySchedulerId } from '../../../src/jobs/ids.js';
import { BullScheduler } from '../../../src/jobs/scheduler.js';
import { subscription } from '../../support/jobs-harness.js';

const sub = subscription(1, { time: '09:30', timezone: 'Asia/Shanghai' });
const id = dailySchedulerId(sub.channel);

function stubQueue(existing: object | undefined, nextJobExists: boolean) {
  const upserts: unknown[] = [];
  const queue = {
    upsertJobScheduler: async (...args: unknown[]) => void upserts.push(args),
    getJobScheduler: async () => existing,
    getJob: async (jobId: string) => (nextJobExists ? { id: jobId } : undefined),
  };
  return { queue: queue as unknown as Queue, upserts };
}

const stored = {
  key: id,
  name: 'daily',
  pattern: '30 9 * * *',
  tz: 'Asia/Shanghai',
  next: Date.parse('2025-03-10T01:30:00Z'),
  template: { data: { channel: sub.channel } },
};

describe('BullScheduler upsert', () => {
  it('leaves an identical schedule with a pending iteration alone', async () => {
    const { queue, upserts } = stubQueue(stored, true);
    await new BullScheduler(queue).upsertDaily(sub);
    expect(upserts).toEqual([]);
  });

  it('replaces a changed one', async () => {
    const { queue, upserts } = stubQueue({ ...stored, pattern: '0 8 * * *' }, true);
    await new BullScheduler(queue).upsertDaily(sub);
    expect(upserts).toEqual([
      [
        id,
        { pattern: '30 9 * * *', tz: 'Asia/Shanghai' },
        { name: 'daily', data: { channel: sub.channel } },
      ],
    ]);
  });

  it('heals an identical one whose next iteration is missing', async () => {
    const { queue, upserts } = stubQueue(stored, false);
    await new BullScheduler(queue).upsertDaily(sub);
    expect(upserts).toHaveLength(1);
  });

  it('creates a missing one', async () => {
    const { queue, upserts } = stubQueue(undefined, false);
    await new BullScheduler(queue).upsertDaily(sub);
    expect(upserts).toHaveLength(1);
  });
});
