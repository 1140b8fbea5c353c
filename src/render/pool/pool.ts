/**
 * A fixed-size pool of render workers implementing FormulaRenderer. One job per worker at a
 * time, so a job's clock is that worker's clock: past the time limit the worker is terminated,
 * the job answers `timeout`, and a fresh worker takes the slot. Interactive jobs go ahead of
 * background (pre-render) ones.
 */
import type { Worker } from 'node:worker_threads';
import type {
  FormulaError,
  FormulaRenderer,
  FormulaRenderOptions,
  FormulaRenderResult,
} from '../../core/ports.js';
import type { RenderSettings } from '../pipeline.js';
import type { RenderRequest, WorkerMessage } from './protocol.js';
import { spawnRenderWorker } from './spawn.js';

export interface RenderPoolOptions {
  /** Worker threads; one per core is right for CPU-bound rendering. */
  size: number;
  settings: RenderSettings;
}

interface Job {
  request: RenderRequest;
  resolve: (result: FormulaRenderResult) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** Workers that die before becoming ready this many times in a row mean rendering is broken. */
const MAX_START_FAILURES = 3;
/** Jobs waiting for a worker; past this a flood is turned away rather than held in memory. */
const MAX_QUEUED = 2000;

export class RenderWorkerPool implements FormulaRenderer {
  private readonly slots = new Set<Slot>();
  private readonly interactive: Job[] = [];
  private readonly background: Job[] = [];
  private readonly readyWaiters: Array<() => void> = [];
  private nextId = 1;
  private startFailures = 0;
  private broken: FormulaError | null = null;
  private closed = false;

  constructor(private readonly options: RenderPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) {
      throw new RangeError(`render pool size must be a positive integer, got ${options.size}`);
    }
    for (let i = 0; i < options.size; i++) this.startWorker();
  }

  render(tex: string, opts: FormulaRenderOptions): Promise<FormulaRenderResult> {
    if (this.closed) return Promise.resolve(failure('internal', 'renderer is closed'));
    if (this.broken) return Promise.resolve({ ok: false, error: this.broken });
    if (this.interactive.length + this.background.length >= MAX_QUEUED) {
      return Promise.resolve(failure('internal', 'the formula renderer is overloaded; try again'));
    }
    return new Promise((resolve) => {
      const job: Job = { request: { id: this.nextId++, tex, display: opts.display }, resolve };
      (opts.background ? this.background : this.interactive).push(job);
      this.pump();
    });
  }

  /** Resolves once every worker has loaded MathJax and sharp (or the pool gave up). */
  ready(): Promise<void> {
    if (this.allReady() || this.broken || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failQueued(failure('internal', 'renderer is closed'));
    const exits = [...this.slots].map((slot) =>
      this.retire(slot, failure('internal', 'renderer is closed')),
    );
    this.notifyReady();
    await Promise.all(exits);
  }

  private startWorker(): void {
    const worker = spawnRenderWorker(this.options.settings);
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    this.slots.add(slot);
    worker.on('message', (msg: WorkerMessage) => this.onMessage(slot, msg));
    // An 'error' is always followed by 'exit'; keep the reason for the exit handler.
    let reason: Error | null = null;
    worker.on('error', (err) => (reason = err));
    worker.on('exit', () => this.onExit(slot, reason));
  }

  private onMessage(slot: Slot, msg: WorkerMessage): void {
    if (msg.type === 'ready') {
      slot.ready = true;
      this.startFailures = 0;
      if (this.allReady()) this.notifyReady();
      this.pump();
      return;
    }
    const job = slot.job;
    if (!job || job.request.id !== msg.id) return;
    this.finish(slot);
    const { result } = msg;
    job.resolve(
      result.ok
        ? {
            ok: true,
            png: result.png,
            width: result.width,
            height: result.height,
            scale: this.options.settings.card.scale,
            cached: false,
          }
        : { ok: false, error: result.error },
    );
    this.pump();
  }

  /** A worker we did not retire has died: answer its job, then replace it or give up. */
  private onExit(slot: Slot, reason: Error | null): void {
    if (!this.slots.delete(slot)) return;
    const job = slot.job;
    this.finish(slot);
    const oom = (reason as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    job?.resolve(
      oom
        ? failure('too-large', 'rendering this formula ran out of memory')
        : failure('internal', `render worker stopped: ${reason?.message ?? 'exited'}`),
    );
    if (this.closed) return;
    if (!slot.ready && ++this.startFailures >= MAX_START_FAILURES) {
      this.broken = {
        code: 'internal',
        message: `render workers cannot start: ${reason?.message ?? 'exited'}`,
      };
      this.failQueued({ ok: false, error: this.broken });
      this.notifyReady();
      return;
    }
    this.startWorker();
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job) continue;
      const job = this.interactive.shift() ?? this.background.shift();
      if (!job) break;
      slot.job = job;
      slot.timer = setTimeout(() => this.onTimeout(slot), this.options.settings.limits.timeoutMs);
      slot.worker.postMessage(job.request);
    }
    this.syncRefs();
  }

  /**
   * Workers keep the process alive only while starting (a bounded wait someone may be awaiting)
   * or while there is work for them; an idle pool never holds the process open.
   */
  private syncRefs(): void {
    const waiting = this.interactive.length + this.background.length > 0;
    for (const slot of this.slots) {
      if (!slot.ready || slot.job || waiting) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  private onTimeout(slot: Slot): void {
    const limit = this.options.settings.limits.timeoutMs;
    void this.retire(
      slot,
      failure('timeout', `rendering took longer than ${limit} ms and was stopped`),
    );
    if (!this.closed) {
      this.startWorker();
      this.pump();
    }
  }

  /** Takes a worker out of service on purpose, answering its job with `result`. */
  private async retire(slot: Slot, result: FormulaRenderResult): Promise<void> {
    this.slots.delete(slot);
    const job = slot.job;
    this.finish(slot);
    job?.resolve(result);
    await slot.worker.terminate();
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  private failQueued(result: FormulaRenderResult): void {
    for (const job of this.interactive.splice(0).concat(this.background.splice(0)))
      job.resolve(result);
  }

  private allReady(): boolean {
    return this.slots.size > 0 && [...this.slots].every((slot) => slot.ready);
  }

  private notifyReady(): void {
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }
}

function failure(code: FormulaError['code'], message: string): FormulaRenderResult {
  return { ok: false, error: { code, message } };
}
