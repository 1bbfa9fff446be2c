import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** One stored object, as listed for housekeeping (core/storage-sweep.ts). */
export interface StoredObject {
  key: string;
  /** Last change, ms since the epoch. */
  mtimeMs: number;
}

/**
 * Where files (uploads, generated PDFs, mail in development) live. Disk by default, under DATA_DIR;
 * another provider (S3-compatible) implements the same interface. `put` is all-or-nothing: a reader
 * (or a crash) never sees half an object under its key.
 */
export interface Storage {
  put(key: string, data: Buffer | string): Promise<void>;
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Every object, including unfinished writes (their keys contain TEMP_MARK). */
  list(): AsyncIterable<StoredObject>;
}

/** Marks the temporary file of a write in progress (or of one a crash interrupted). */
export const TEMP_MARK = '.tmp-';

/** The configured provider: disk under DATA_DIR/files (the S3-compatible one would be chosen here). */
export function createStorage(config: { dataDir: string }): Storage {
  return new DiskStorage(path.join(config.dataDir, 'files'));
}

export class DiskStorage implements Storage {
  constructor(private readonly root: string) {}
  private resolve(key: string): string {
    const p = path.resolve(this.root, key);
    if (!p.startsWith(path.resolve(this.root) + path.sep))
      throw new Error(`storage key escapes root: ${key}`);
    return p;
  }

  /** Written to a temporary name, flushed to disk, then renamed over the key (atomic on one file system). */
  async put(key: string, data: Buffer | string): Promise<void> {
    const p = this.resolve(key);
    await fs.mkdir(path.dirname(p), { recursive: true });
    const tmp = `${p}${TEMP_MARK}${randomBytes(6).toString('hex')}`;
    const fh = await fs.open(tmp, 'w', 0o640);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } catch (err) {
      await fh.close();
      await fs.rm(tmp, { force: true });
      throw err;
    }
    await fh.close();
    await fs.rename(tmp, p);
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

  async delete(key: string): Promise<void> {
    await fs.rm(this.resolve(key), { force: true });
  }

  async *list(): AsyncIterable<StoredObject> {
    const root = path.resolve(this.root);
    const walk = async function* (dir: string): AsyncIterable<StoredObject> {
      const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) yield* walk(full);
        else if (e.isFile()) {
          const st = await fs.stat(full).catch(() => null);
          if (st) yield { key: path.relative(root, full).split(path.sep).join('/'), mtimeMs: st.mtimeMs };
        }
      }
    };
    yield* walk(root);
  }
}
