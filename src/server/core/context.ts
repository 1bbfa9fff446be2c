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
}

/** Read-only queries may run on the root handle. */
export interface QueryCtx {
  db: DbOrTrx;
  dialect: DialectName;
  actor: MaybeActor;
}
