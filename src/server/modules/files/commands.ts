import { createHash, randomUUID } from 'node:crypto';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { Storage } from '../../core/storage.js';
import type { DbOrTrx } from '../../db/index.js';
import { nowIso } from '../../db/index.js';
import { authorize, authorizeType, type MaybeActor } from '../../policy/index.js';
import { sniffType } from './sniff.js';

export const FILE_PURPOSES = ['evidence', 'sealed_scan'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number] | 'certificate' | 'application_pdf';

export interface FileView {
  id: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  purpose: string;
  createdAt: string;
}

/** Safe display name: no path, no control characters, at most 120 characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127 && c !== '"')
    .join('')
    .trim();
  return (cleaned || 'file').slice(0, 120);
}

/** Stores an upload after checking its real type; the storage write happens before the row commits. */
export async function saveUpload(
  ctx: CommandCtx,
  storage: Storage,
  input: { filename: string; data: Buffer; purpose: FilePurpose },
): Promise<FileView> {
  authorizeType(ctx.actor, 'file', 'upload');
  const actor = ctx.actor!;
  const mime = sniffType(input.data);
  if (!mime) throw new AppError('UNSUPPORTED_FILE_TYPE');
  return storeFile(ctx, storage, {
    ...input,
    mime,
    ownerUserId: actor.id,
    unitId: actor.unitId,
    regionId: actor.regionId,
  });
}

/** Writes bytes and the file row; used for uploads and for files the platform generates. */
export async function storeFile(
  ctx: CommandCtx,
  storage: Storage,
  f: {
    filename: string;
    data: Buffer;
    purpose: FilePurpose;
    mime: string;
    ownerUserId: number;
    unitId: number | null;
    regionId: number | null;
  },
): Promise<FileView> {
  const sha256 = createHash('sha256').update(f.data).digest('hex');
  const key = `${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
  await storage.put(key, f.data);
  const createdAt = nowIso();
  const filename = cleanFilename(f.filename);
  const row = await ctx.trx
    .insertInto('files')
    .values({
      owner_user_id: f.ownerUserId,
      unit_id: f.unitId,
      region_id: f.regionId,
      purpose: f.purpose,
      filename,
      mime: f.mime,
      size: f.data.length,
      sha256,
      storage_key: key,
      created_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(ctx, {
    action: 'file.stored',
    entityType: 'file',
    entityId: row.id,
    regionId: f.regionId,
    after: { filename, mime: f.mime, size: f.data.length, sha256, purpose: f.purpose },
  });
  return { id: row.id, filename, mime: f.mime, size: f.data.length, sha256, purpose: f.purpose, createdAt };
}

/** The file row, if the actor may see it (404 otherwise). */
export async function loadVisibleFile(db: DbOrTrx, actor: MaybeActor, id: number) {
  const f = await db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!f) throw new AppError('NOT_FOUND');
  authorize(actor, 'file', 'view', {
    ownerUserId: f.owner_user_id,
    unitId: f.unit_id,
    regionId: f.region_id,
  });
  return f;
}

export async function presentFiles(db: DbOrTrx, ids: number[]): Promise<FileView[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('files').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((f) => [f.id, f]));
  return ids.flatMap((id) => {
    const f = byId.get(id);
    return f
      ? [
          {
            id: f.id,
            filename: f.filename,
            mime: f.mime,
            size: f.size,
            sha256: f.sha256,
            purpose: f.purpose,
            createdAt: f.created_at,
          },
        ]
      : [];
  });
}
