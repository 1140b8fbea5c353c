/**
 * Every REST request the fake receives, in order, with what it answered; failure rules armed by
 * `failNext`; and `waitFor`, which re-checks a probe whenever something is recorded.
 */
export interface RecordedFile {
  /** The multipart field, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface RecordedCall {
  seq: number;
  at: number;
  method: string;
  /** The path below `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  /** The route pattern that handled it (`POST /channels/:channelId/messages`), or `unknown`. */
  route: string;
  query: Record<string, string>;
  headers: {
    authorization?: string;
    contentType?: string;
    userAgent?: string;
    auditLogReason?: string;
  };
  /** The JSON body, or `payload_json` of a multipart body (plus any other text fields). */
  json: unknown;
  files: RecordedFile[];
  status: number;
  response: unknown;
}

/**
 * Which requests a rule applies to: `'POST /channels/:id/messages'` (`:x` or `*` matches one
 * path segment; the method is optional), a RegExp tested against `METHOD /path`, or a predicate.
 */
export type RouteMatcher = string | RegExp | ((call: { method: string; path: string }) => boolean);

export interface Failure {
  status: 429 | 401 | 403 | 404 | 500 | 502 | 503;
  /** 429 only: seconds, sent as `Retry-After`, `X-RateLimit-Reset-After` and `retry_after`. */
  retryAfter?: number;
  /** 429 only: a global rate limit (`X-RateLimit-Global`, `X-RateLimit-Scope: global`). */
  global?: boolean;
  /** 403 only: 50001 Missing Access (default) or 50013 Missing Permissions. */
  code?: number;
  /** How many matching requests fail; default 1. `Infinity` for a route that keeps failing. */
  times?: number;
}

export function matches(matcher: RouteMatcher, method: string, path: string): boolean {
  if (typeof matcher === 'function') return matcher({ method, path });
  if (matcher instanceof RegExp) return matcher.test(`${method} ${path}`);
  const [first, second] = matcher.trim().split(/\s+/);
  const wantMethod = second === undefined ? undefined : first!.toUpperCase();
  const pattern = (second ?? first)!;
  if (wantMethod && wantMethod !== method) return false;
  const want = pattern.split('/');
  const got = path.split('/');
  return (
    want.length === got.length &&
    want.every((seg, i) => seg === '*' || seg.startsWith(':') || seg === got[i])
  );
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Named in the timeout error. */
  what?: string;
}

export class Recorder {
  readonly calls: RecordedCall[] = [];
  private readonly failures: { matcher: RouteMatcher; failure: Failure; left: number }[] = [];
  private readonly waiters = new Set<() => void>();

  record(call: Omit<RecordedCall, 'seq'>): RecordedCall {
    const recorded = { ...call, seq: this.calls.length + 1 };
    this.calls.push(recorded);
    return recorded;
  }

  failNext(matcher: RouteMatcher, failure: Failure): void {
    this.failures.push({ matcher, failure, left: failure.times ?? 1 });
  }

  /** The armed failure for this request, consuming one use of it. */
  takeFailure(method: string, path: string): Failure | undefined {
    const rule = this.failures.find((f) => f.left > 0 && matches(f.matcher, method, path));
    if (!rule) return undefined;
    rule.left -= 1;
    return rule.failure;
  }

  clearFailures(): void {
    this.failures.length = 0;
  }

  /** Wake every pending `waitFor` to re-check its probe. */
  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves with the probe's first defined value, re-checked after every recorded event. */
  waitFor<T>(probe: () => T | undefined, options: WaitOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        let value: T | undefined;
        try {
          value = probe();
        } catch (error) {
          finish();
          reject(error);
          return true;
        }
        if (value === undefined) return false;
        finish();
        resolve(value);
        return true;
      };
      const wake = () => void check();
      const timer = setTimeout(() => {
        finish();
        const recent = this.calls.slice(-8).map((c) => `${c.method} ${c.path} → ${c.status}`);
        const what = options.what ?? 'a condition';
        reject(
          new Error(
            `fake discord: timed out after ${timeoutMs}ms waiting for ${what}; ` +
              `last calls: ${recent.join(', ') || 'none'}`,
          ),
        );
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      if (!check()) this.waiters.add(wake);
    });
  }
}
