/** Where the console puts pictures a chat client would show inline: files under one folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';

export class ImageFolder {
  constructor(private readonly dir: string) {}

  /** Writes `name` (a plain file name) and returns a path to print: relative when under the cwd. */
  async write(name: string, png: Uint8Array): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, name.replace(/[^\w.-]+/g, '_'));
    await writeFile(file, png);
    return shown(file);
  }
}

/** A path relative to the working directory when it is inside it, else absolute. */
export function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
