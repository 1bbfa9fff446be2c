import type { Db, DialectName, Trx } from '../db/index.js';
import { nowIso } from '../db/index.js';
import type { AuditRow } from '../db/schema.js';
import type { CommandCtx } from './context.js';
import { digestHex, type HashAlg } from './crypto.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  /** Stable action name, `<entity>.<verb>` (see ARCHITECTURE.md, "Audit"). */
  action: string;
  entityType: string;
  entityId: string | number;
  regionId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** Fields that never belong in an audit record. */
const SECRET_KEYS = new Set(['password', 'password_hash', 'passwordHash', 'newPassword', 'currentPassword']);

function redact(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (k, v: unknown) => (SECRET_KEYS.has(k) ? '[redacted]' : v));
}

type HashedFields = Omit<AuditRow, 'hash'>;

/**
 * The hash of a record covers every column but its own hash, including the previous record's hash. The
 * algorithm is the chain's (`audit_head.hash_alg`: SHA-256, or SM3 for a 国密 installation).
 */
export function auditHash(r: HashedFields, alg: HashAlg = 'sha256'): string {
  const canonical = JSON.stringify([
    r.id,
    r.at,
    r.actor_id,
    r.actor_name,
    r.actor_role,
    r.action,
    r.entity_type,
    r.entity_id,
    r.region_id,
    r.ip,
    r.before_json,
    r.after_json,
    r.prev_hash,
  ]);
  return digestHex(alg, canonical);
}

/** Who made a change, as the audit record names it. */
export interface AuditActor {
  actorId: number | null;
  actorName: string;
  actorRole: string;
  ip: string;
}

function actorOf(ctx: CommandCtx): AuditActor {
  return {
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.username ?? 'anonymous',
    actorRole: ctx.actor?.role ?? 'anonymous',
    ip: ctx.ip,
  };
}

/** Appends one record to the chain inside the caller's transaction. */
export async function writeAudit(ctx: CommandCtx, entry: AuditEntry): Promise<void> {
  ctx.touched?.add(entry.entityType);
  await appendAudits(ctx.trx, ctx.dialect, actorOf(ctx), [entry]);
}

/** Several records at once, in order (for jobs that change many entities). */
export async function writeAuditMany(ctx: CommandCtx, entries: AuditEntry[]): Promise<void> {
  for (const e of entries) ctx.touched?.add(e.entityType);
  await appendAudits(ctx.trx, ctx.dialect, actorOf(ctx), entries);
}

/**
 * The one place the chain grows. The head row is locked first (PostgreSQL: FOR UPDATE; SQLite: the
 * write transaction already serialises), so concurrent transactions append one after another and the
 * chain never forks; the records are hashed in order, inserted in multi-row statements, and the head
 * moves once.
 */
export async function appendAudits(
  trx: Trx,
  dialect: DialectName,
  who: AuditActor,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  let q = trx.selectFrom('audit_head').select(['last_id', 'last_hash', 'hash_alg']).where('id', '=', 1);
  if (dialect === 'postgres') q = q.forUpdate();
  const head = await q.executeTakeFirstOrThrow();
  let id = head.last_id;
  let prev = head.last_hash;
  const alg = hashAlgOf(head.hash_alg);
  const rows: AuditRow[] = entries.map((e) => {
    id += 1;
    const row: HashedFields = {
      id,
      at: nowIso(),
      actor_id: who.actorId,
      actor_name: who.actorName,
      actor_role: who.actorRole,
      action: e.action,
      entity_type: e.entityType,
      entity_id: String(e.entityId),
      region_id: e.regionId ?? null,
      ip: who.ip,
      before_json: redact(e.before),
      after_json: redact(e.after),
      prev_hash: prev,
    };
    prev = auditHash(row, alg);
    return { ...row, hash: prev };
  });
  // 14 columns a row: 500 rows stay far below either engine's limit on bound parameters.
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  await trx.updateTable('audit_head').set({ last_id: id, last_hash: prev }).where('id', '=', 1).execute();
}

/** A single record by an actor given explicitly (first start, scripts). */
export async function appendAudit(trx: Trx, dialect: DialectName, e: AuditEntry & AuditActor): Promise<void> {
  const { actorId, actorName, actorRole, ip, ...entry } = e;
  await appendAudits(trx, dialect, { actorId, actorName, actorRole, ip }, [entry]);
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first record that does not verify, with the reason. */
  brokenAt?: number;
  reason?: 'hash_mismatch' | 'link_mismatch' | 'gap' | 'head_mismatch';
}

const hashAlgOf = (v: string): HashAlg => (v === 'sm3' ? 'sm3' : 'sha256');

/** Walks the whole chain in id order, page by page, recomputing every hash with the chain's algorithm. */
export async function verifyAuditChain(db: Db | Trx): Promise<ChainReport> {
  const first = await db.selectFrom('audit_head').select('hash_alg').where('id', '=', 1).executeTakeFirst();
  const alg = hashAlgOf(first?.hash_alg ?? 'sha256');
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  let head: { last_id: number; last_hash: string } | undefined;
  for (;;) {
    const walkedFrom = checked;
    for (;;) {
      const page = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('id', '>=', expectedId)
        .orderBy('id')
        .limit(1000)
        .execute();
      if (page.length === 0) break;
      for (const r of page) {
        if (r.id !== expectedId) return { ok: false, checked, brokenAt: expectedId, reason: 'gap' };
        if (r.prev_hash !== prevHash) return { ok: false, checked, brokenAt: r.id, reason: 'link_mismatch' };
        if (auditHash(r, alg) !== r.hash)
          return { ok: false, checked, brokenAt: r.id, reason: 'hash_mismatch' };
        prevHash = r.hash;
        expectedId++;
        checked++;
      }
    }
    head = await db
      .selectFrom('audit_head')
      .select(['last_id', 'last_hash'])
      .where('id', '=', 1)
      .executeTakeFirst();
    // Records appended by others while the walk ran: walk on to them before comparing with the head.
    if (head && head.last_id > checked && checked > walkedFrom) continue;
    break;
  }
  if (!head || head.last_id !== checked || head.last_hash !== prevHash) {
    return { ok: false, checked, brokenAt: checked + 1, reason: 'head_mismatch' };
  }
  return { ok: true, checked };
}
