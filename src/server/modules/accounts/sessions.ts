import { createHash, randomBytes } from 'node:crypto';
import type { Db, Trx } from '../../db/index.js';
import { nowIso } from '../../db/index.js';
import type { Actor } from '../../policy/index.js';
import type { Role } from '../../../shared/roles.js';

export const SESSION_COOKIE = 'bohou_sid';

/** The cookie carries a random token; the database keeps only its hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  trx: Trx,
  userId: number,
  meta: { ip: string; userAgent: string },
): Promise<{ token: string; id: string }> {
  const token = randomBytes(32).toString('base64url');
  const id = hashToken(token);
  const now = nowIso();
  await trx
    .insertInto('sessions')
    .values({
      id,
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      ip: meta.ip,
      user_agent: meta.userAgent.slice(0, 300),
    })
    .execute();
  return { token, id };
}

export interface LoadedSession {
  sessionId: string;
  actor: Actor;
  mustChangePassword: boolean;
}

export type SessionLookup = { kind: 'none' } | { kind: 'expired' } | ({ kind: 'ok' } & LoadedSession);

/** Only touch last_seen_at once a minute: idle expiry needs no finer grain, and it spares writes. */
const TOUCH_MS = 60_000;

/**
 * Finds the session for a cookie token. A session idle longer than `idleMinutes` is deleted and
 * reported as expired; a disabled account's sessions are treated as absent.
 */
export async function lookupSession(
  db: Db,
  token: string,
  idleMinutes: number,
  now = new Date(),
): Promise<SessionLookup> {
  const id = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sid',
      'sessions.last_seen_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.region_id',
      'users.unit_id',
      'users.status',
      'users.must_change_password',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return { kind: 'none' };
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (now.getTime() - lastSeen > idleMinutes * 60_000) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { kind: 'expired' };
  }
  if (row.status !== 'active') {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { kind: 'none' };
  }
  if (now.getTime() - lastSeen > TOUCH_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  return {
    kind: 'ok',
    sessionId: id,
    mustChangePassword: row.must_change_password === 1,
    actor: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role as Role,
      regionId: row.region_id,
      unitId: row.unit_id,
    },
  };
}

export async function deleteSession(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of an account, except optionally the current one. */
export async function deleteUserSessions(trx: Trx, userId: number, exceptId?: string): Promise<void> {
  let q = trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

/** The account as an actor, e.g. right after login when the request carried no session yet. */
export async function loadActor(db: Db, id: number): Promise<Actor> {
  const u = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'region_id', 'unit_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    regionId: u.region_id,
    unitId: u.unit_id,
  };
}
