import type { Config } from '../config.js';
import type { Db, DialectName } from '../../db/index.js';
import type { Storage } from '../storage.js';
import type { PublicCache } from '../cache.js';
import type { FieldCipher } from '../crypto.js';

/** What every route can reach through `app.deps`. */
export interface AppDeps {
  db: Db;
  dialect: DialectName;
  config: Config;
  storage: Storage;
  /** Encrypts personal data at rest (ID numbers). */
  cipher: FieldCipher;
  /** Wake the outbox processor after a commit. */
  kickOutbox(): void;
  /** Public read responses (the hall), cleared after every command this node commits. */
  publicCache: PublicCache;
  /** Per-minute login attempts allowed from one IP. */
  loginLimitPerMinute: number;
}
