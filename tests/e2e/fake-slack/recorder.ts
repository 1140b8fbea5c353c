/**
 * Everything the fake Slack saw, in arrival order. `seq` is one counter across all lists, so a
 * test can prove ordering between kinds (getUploadURLExternal < upload POST < completeUploadExternal).
 */
import type { Buffer } from 'node:buffer';

/** A file part of a multipart request (field name, filename, bytes). */
export interface UploadedPart {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** One Web API call, recorded once its answer is known. `args` is decoded and has no `token`. */
export interface ApiCall {
  seq: number;
  method: string;
  args: Record<string, unknown>;
  files: UploadedPart[];
  token: string | undefined;
  contentType: string;
  status: number;
  ok: boolean;
  error: string | undefined;
}

/** A POST to a `response_url` the fake handed out (what Bolt's `respond()` sends). */
export interface ResponseUrlPost {
  seq: number;
  path: string;
  body: unknown;
  contentType: string;
}

/** Bytes POSTed to an `upload_url` from `files.getUploadURLExternal` (step 2 of uploadV2). */
export interface FileUpload {
  seq: number;
  fileId: string;
  filename: string;
  bytes: Buffer;
  via: 'multipart' | 'raw';
}

export type ViewKind = 'open' | 'push' | 'update' | 'publish';

/** A view the app opened, pushed, updated or published, as the app sent it. */
export interface ViewRecord {
  seq: number;
  kind: ViewKind;
  viewId: string;
  userId: string | undefined;
  triggerId: string | undefined;
  view: Record<string, unknown>;
}

/** A Socket Mode envelope the fake delivered, and the ack that came back (if any yet). */
export interface EnvelopeRecord {
  seq: number;
  envelopeId: string;
  type: string;
  payload: Record<string, unknown>;
  ack: { seq: number; payload: unknown } | undefined;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Named in the timeout error, so a failing test says what never arrived. */
  what?: string;
}

export class Recorder {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly uploads: FileUpload[] = [];
  readonly views: ViewRecord[] = [];
  readonly envelopes: EnvelopeRecord[] = [];
  private seqNo = 0;
  private readonly listeners = new Set<() => void>();

  nextSeq(): number {
    this.seqNo += 1;
    return this.seqNo;
  }

  /** Appends and wakes every `waitFor`. */
  push<T>(list: T[], item: T): T {
    list.push(item);
    this.changed();
    return item;
  }

  /** Call after mutating a recorded entry in place (an ack filled in). */
  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the probe's first truthy answer; re-checked on every new record. */
  waitFor<T>(probe: () => T | undefined | null | false, options: WaitOptions = {}): Promise<T> {
    const { timeoutMs = 5000, what = 'condition' } = options;
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const value = probe();
        if (value === undefined || value === null || value === false) return false;
        finish();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`fake slack: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const listener = (): void => void check();
      const finish = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
      check();
    });
  }
}
