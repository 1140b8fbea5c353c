/**
 * Rendered PNGs on disk, one file per key, shared by every bot process on the machine (or on a
 * shared volume). Writes go to a temporary file and are renamed into place, so a reader sees a
 * whole file or none. Size is bounded: past `maxBytes`, the least recently used files go.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface DiskCacheOptions {
  /** Directory holding the cache; created on first write. */
  dir: string;
  /** Upper bound on the bytes of PNGs kept; a sweep trims to 90% of it. */
  maxBytes: number;
}

export interface SweepReport {
  files: number;
  bytes: number;
  removed: number;
}

/** Temp files older than this belong to a writer that died mid-write. */
const STALE_TEMP_MS = 60_000;

export class DiskFormulaCache {
  private written = 0;
  private sweeping: Promise<SweepReport> | null = null;

  constructor(private readonly options: DiskCacheOptions) {
    if (!(options.maxBytes > 0))
      throw new RangeError(`cache maxBytes must be positive, got ${options.maxBytes}`);
  }

  /** The stored PNG for `key`, or null. A hit refreshes the file's mtime for LRU eviction. */
  async get(key: string): Promise<Uint8Array | null> {
    const path = this.pathFor(key);
    try {
      const png = await readFile(path);
      const now = new Date();
      // Best effort: another process may have evicted it since; that is still a hit for us.
      utimes(path, now, now).catch(() => undefined);
      return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
    } catch {
      return null;
    }
  }

  async set(key: string, png: Uint8Array): Promise<void> {
    const path = this.pathFor(key);
    const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await mkdir(join(this.options.dir, key.slice(0, 2)), { recursive: true });
    try {
      await writeFile(temp, png);
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    this.written += png.byteLength;
    // Sweeping lists the whole cache; do it after every tenth of the budget written, not per write.
    if (this.written > this.options.maxBytes / 10) {
      this.written = 0;
      void this.sweep().catch(() => undefined);
    }
  }

  /** Deletes least recently used files until the cache is under 90% of its budget. */
  sweep(): Promise<SweepReport> {
    this.sweeping ??= this.doSweep().finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  private async doSweep(): Promise<SweepReport> {
    const entries = await this.list();
    let bytes = entries.reduce((sum, e) => sum + e.size, 0);
    const report: SweepReport = { files: entries.length, bytes, removed: 0 };
    if (bytes <= this.options.maxBytes) return report;
    const target = this.options.maxBytes * 0.9;
    entries.sort((a, b) => a.mtimeMs - b.mtimeMs);
    for (const entry of entries) {
      if (bytes <= target) break;
      await rm(entry.path, { force: true });
      bytes -= entry.size;
      report.removed++;
    }
    report.files -= report.removed;
    report.bytes = bytes;
    return report;
  }

  private async list(): Promise<Array<{ path: string; size: number; mtimeMs: number }>> {
    const out: Array<{ path: string; size: number; mtimeMs: number }> = [];
    const shards = await readdir(this.options.dir).catch(() => [] as string[]);
    const now = Date.now();
    for (const shard of shards) {
      const names = await readdir(join(this.options.dir, shard)).catch(() => [] as string[]);
      for (const name of names) {
        const path = join(this.options.dir, shard, name);
        const info = await stat(path).catch(() => null);
        if (!info?.isFile()) continue;
        if (name.endsWith('.tmp')) {
          if (now - info.mtimeMs > STALE_TEMP_MS) await rm(path, { force: true });
        } else if (name.endsWith('.png')) {
          out.push({ path, size: info.size, mtimeMs: info.mtimeMs });
        }
      }
    }
    return out;
  }

  private pathFor(key: string): string {
    if (!/^[0-9a-f]{16,}$/.test(key)) throw new Error(`invalid cache key ${JSON.stringify(key)}`);
    // Two-character shards keep directories small enough to list quickly.
    return join(this.options.dir, key.slice(0, 2), `${key}.png`);
  }
}
