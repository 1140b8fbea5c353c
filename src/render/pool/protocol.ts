/** Messages between the pool (main thread) and a render worker. Structured-clone friendly. */
import type { PipelineResult } from '../pipeline.js';

export interface RenderRequest {
  id: number;
  tex: string;
  display: boolean;
}

export type WorkerMessage =
  { type: 'ready' } | { type: 'result'; id: number; result: PipelineResult };
