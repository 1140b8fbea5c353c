/** The probes /healthz runs: Redis answers PING, the job worker runs, every adapter is connected. */
import type { Redis } from 'ioredis';
import type { HealthProbe } from '../http/health.js';
import type { QuizWorker } from '../jobs/worker.js';
import type { Adapter } from './adapter.js';

export function healthProbes(parts: {
  redis: Redis;
  worker: QuizWorker;
  adapters: readonly Adapter[];
}): HealthProbe[] {
  return [
    {
      name: 'redis',
      async run() {
        // While ioredis reconnects, a PING would wait in its offline queue: answer at once instead.
        if (parts.redis.status !== 'ready') return { ok: false, status: parts.redis.status };
        const started = performance.now();
        const reply = await parts.redis.ping();
        return { ok: reply === 'PONG', ms: Math.round(performance.now() - started) };
      },
    },
    {
      name: 'jobs',
      async run() {
        const { worker } = parts.worker;
        return { ok: worker.isRunning() && !worker.closing, running: worker.isRunning() };
      },
    },
    {
      name: 'adapters',
      async run() {
        const state = Object.fromEntries(parts.adapters.map((a) => [a.name, a.connected()]));
        return { ok: parts.adapters.length > 0 && Object.values(state).every(Boolean), ...state };
      },
    },
  ];
}
