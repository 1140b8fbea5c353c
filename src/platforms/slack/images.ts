/**
 * Pictures for image blocks: PNG bytes uploaded with `files.uploadV2` (the three-step external
 * upload), privately, and shown by file id with `slack_file`. Posting a block that names the file
 * shares it with the message's readers. Uploads are remembered by content, so showing the same
 * question again uploads nothing.
 */
import { createHash } from 'node:crypto';
import type { webApi } from '@slack/bolt';

export interface UploadImage {
  /** File name shown in Slack (`Q22-formula-1.png`). */
  name: string;
  png: Uint8Array;
  /** Screen-reader text: a formula's TeX, a figure's alt text. */
  alt: string;
}

/** What layouts need of an uploader (SlackImages; tests use a stand-in). */
export interface ImageUploader {
  /** A Slack file id per image, in order, or null where the upload failed. */
  upload(images: readonly UploadImage[]): Promise<(string | null)[]>;
}

interface LogLike {
  warn(obj: object, msg?: string): void;
}

/** How many content hashes → file ids one process remembers. */
const REMEMBERED = 1000;

export class SlackImages implements ImageUploader {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly log: LogLike,
  ) {}

  /**
   * Uploads what is not uploaded yet, in one `files.uploadV2` call; answers a file id per image,
   * in order, or null for an image whose upload failed (the caller shows its text instead).
   */
  async upload(images: readonly UploadImage[]): Promise<(string | null)[]> {
    const hashes = images.map((image) => hashOf(image.png));
    const missing = images
      .map((image, i) => ({ image, hash: hashes[i]! }))
      .filter(({ hash }, i) => !this.known.has(hash) && hashes.indexOf(hash) === i);
    if (missing.length > 0) {
      try {
        const ids = await this.send(missing.map((m) => m.image));
        missing.forEach(({ hash }, i) => {
          const id = ids[i];
          if (id) this.remember(hash, id);
        });
      } catch (error) {
        this.log.warn({ err: String(error), images: missing.length }, 'Slack image upload failed');
      }
    }
    return hashes.map((hash) => this.known.get(hash) ?? null);
  }

  private async send(images: readonly UploadImage[]): Promise<(string | undefined)[]> {
    const result = await this.client.filesUploadV2({
      file_uploads: images.map((image) => ({
        file: Buffer.from(image.png),
        filename: image.name,
        title: image.name,
        alt_text: image.alt.slice(0, 1000),
      })),
    });
    // One completion per destination; a private batch has one, listing the files in order.
    return result.files.flatMap((completion) => completion.files ?? []).map((file) => file.id);
  }

  private remember(hash: string, id: string): void {
    if (this.known.size >= REMEMBERED) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
    this.known.set(hash, id);
  }
}

const hashOf = (png: Uint8Array): string => createHash('sha256').update(png).digest('hex');
