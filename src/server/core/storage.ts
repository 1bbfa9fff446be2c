import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where files (uploads, generated PDFs, mail in development) live. Disk by default, under DATA_DIR;
 * another provider (S3-compatible) implements the same interface.
 */
export interface Storage {
  put(key: string, data: Buffer | string): Promise<void>;
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
}

export class DiskStorage implements Storage {
  constructor(private readonly root: string) {}
  private resolve(key: string): string {
    const p = path.resolve(this.root, key);
    if (!p.startsWith(path.resolve(this.root) + path.sep))
      throw new Error(`storage key escapes root: ${key}`);
    return p;
  }
  async put(key: string, data: Buffer | string): Promise<void> {
    const p = this.resolve(key);
    await fs.mkdir(path.dirname(p), { recursive: true });
    await fs.writeFile(p, data);
  }
  async get(key: string): Promise<Buffer> {
    return fs.readFile(this.resolve(key));
  }
  async exists(key: string): Promise<boolean> {
    return fs
      .access(this.resolve(key))
      .then(() => true)
      .catch(() => false);
  }
}
