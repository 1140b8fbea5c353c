/** When a job was meant to run, read from the job so retries and late runs keep their slot. */

export interface TimedJob {
  id?: string;
  /** Set on jobs a job scheduler produced. */
  repeatJobKey?: string;
  timestamp: number;
  opts: { delay?: number };
  data: unknown;
}

// BullMQ names each scheduler iteration `repeat:<schedulerId>:<slot millis>`.
const SCHEDULER_JOB_ID = /^repeat:.+:(\d{10,})$/;

/**
 * The planned instant of a job: an explicit `data.scheduledAt`, else the cron slot of a scheduler
 * iteration, else the time it was added plus its delay. Never the time it happens to be processed.
 */
export function scheduledTimeOf(job: TimedJob): Date {
  const explicit = (job.data as { scheduledAt?: unknown } | null)?.scheduledAt;
  if (typeof explicit === 'string' || typeof explicit === 'number') {
    const at = new Date(explicit);
    if (!Number.isNaN(at.getTime())) return at;
  }
  const slot = job.repeatJobKey && job.id ? SCHEDULER_JOB_ID.exec(job.id) : null;
  if (slot) return new Date(Number(slot[1]));
  return new Date(job.timestamp + (job.opts.delay ?? 0));
}
