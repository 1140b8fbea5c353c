/**
 * Entry point of a render worker thread. MathJax is synchronous: running it here means a formula
 * that never finishes blocks only this thread, which the pool can terminate and replace.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPipeline, type RenderSettings } from '../pipeline.js';
import type { RenderRequest, WorkerMessage } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('render worker must be started by the pool');

const pipeline = createPipeline(workerData as RenderSettings);
// Warm MathJax's font tables, the JIT and librsvg's font lookup before taking real work.
await pipeline.render('x^2 \\text{中}', false);

port.on('message', (req: RenderRequest) => {
  void pipeline.render(req.tex, req.display).then((result) => {
    const message: WorkerMessage = { type: 'result', id: req.id, result };
    // Hand the PNG's memory over instead of copying it.
    const transfer =
      result.ok && result.png.byteLength > 0 ? [result.png.buffer as ArrayBuffer] : [];
    port.postMessage(message, transfer);
  });
});
port.postMessage({ type: 'ready' } satisfies WorkerMessage);
