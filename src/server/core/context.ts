import type { DbOrTrx, DialectName, Trx } from '../db/index.js';
import type { MaybeActor } from '../policy/index.js';

/**
 * What a command needs from the request: the transaction it runs in, who acts, and from where.
 * Commands take this, never the HTTP request itself, so scripts and jobs can call them too.
 */
export interface CommandCtx {
  trx: Trx;
  dialect: DialectName;
  actor: MaybeActor;
  ip: string;
  userAgent: string;
  /** The entity types this command wrote audit records for (runCommand uses it to keep caches). */
  touched?: Set<string>;
}

/** Read-only queries may run on the root handle. */
export interface QueryCtx {
  db: DbOrTrx;
  dialect: DialectName;
  actor: MaybeActor;
}
