import { z } from 'zod';
import { writeAudit } from '../../../core/audit.js';
import type { CommandCtx } from '../../../core/context.js';
import type { FieldCipher } from '../../../core/crypto.js';
import { AppError, fieldError } from '../../../core/errors.js';
import { nowIso, type DbOrTrx } from '../../../db/index.js';
import { authorize, can, type MaybeActor } from '../../../policy/index.js';
import { isValidIdNumber, maskIdNumber } from '../../../../shared/id-number.js';
import { todayInChina } from '../../../../shared/roles.js';
import { ApplicationForm } from '../../../../shared/stations/form.js';
import { IsoDate } from '../../accounts/schemas.js';
import { reassessStation } from './adjustment-job.js';

export const RecruitBody = z.object({
  name: z.string().trim().min(1, 'required').max(50),
  /** 身份证号, GB 11643 check character. */
  idNumber: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().refine(isValidIdNumber, 'id_number')),
  supervisor: z.string().trim().min(1, 'required').max(50),
  mobileStation: z.string().trim().min(1, 'required').max(100),
  project: z.string().trim().min(1, 'required').max(200),
  entryDate: IsoDate,
  exitDate: IsoDate.nullable().default(null),
});
export type RecruitInput = z.infer<typeof RecruitBody>;

export async function loadStation(db: DbOrTrx, actor: MaybeActor, id: number) {
  const s = await db.selectFrom('stations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) throw new AppError('NOT_FOUND');
  authorize(actor, 'station', 'view', { id: s.id, unitId: s.unit_id, regionId: s.region_id });
  return s;
}

/** The co-supervisor roster of the application the station came from (empty for imported stations). */
async function roster(db: DbOrTrx, applicationId: number | null): Promise<string[]> {
  if (applicationId === null) return [];
  const a = await db
    .selectFrom('station_applications')
    .select('form_json')
    .where('id', '=', applicationId)
    .executeTakeFirst();
  if (!a) return [];
  return ApplicationForm.parse(JSON.parse(a.form_json))
    .basic.team.supervisors.map((s) => s.name)
    .filter(Boolean);
}

function checkDates(input: { entryDate: string; exitDate: string | null }): void {
  const today = todayInChina();
  if (input.entryDate > today) throw fieldError('entryDate', 'date_future');
  if (input.exitDate !== null && input.exitDate < input.entryDate)
    throw fieldError('exitDate', 'exit_before_entry');
  if (input.exitDate !== null && input.exitDate > today) throw fieldError('exitDate', 'date_future');
}

/** The unit records a postdoc entering its station (进站); a recruit may return the station to active. */
export async function addRecruit(
  ctx: CommandCtx,
  cipher: FieldCipher,
  stationId: number,
  input: RecruitInput,
): Promise<number> {
  const s = await loadStation(ctx.trx, ctx.actor, stationId);
  authorize(ctx.actor, 'station', 'record_recruit', { id: s.id, unitId: s.unit_id, regionId: s.region_id });
  if (s.status === 'deregistered') throw new AppError('STATE_CONFLICT', { state: s.status });
  checkDates(input);
  const names = await roster(ctx.trx, s.application_id);
  if (names.length > 0 && !names.includes(input.supervisor)) throw fieldError('supervisor', 'not_in_roster');
  const hash = cipher.lookupHash(input.idNumber);
  const open = await ctx.trx
    .selectFrom('recruits')
    .select('id')
    .where('station_id', '=', stationId)
    .where('id_number_hash', '=', hash)
    .where('exit_date', 'is', null)
    .executeTakeFirst();
  if (open) throw new AppError('DUPLICATE', {}, [{ path: 'idNumber', key: 'recruit_in_station' }]);
  const now = nowIso();
  const row = await ctx.trx
    .insertInto('recruits')
    .values({
      station_id: stationId,
      name: input.name,
      id_number_enc: cipher.encrypt(input.idNumber),
      id_number_hash: hash,
      id_last4: input.idNumber.slice(-4),
      supervisor: input.supervisor,
      mobile_station: input.mobileStation,
      project: input.project,
      entry_date: input.entryDate,
      exit_date: input.exitDate,
      created_by: ctx.actor!.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(ctx, {
    action: 'recruit.added',
    entityType: 'station',
    entityId: stationId,
    regionId: s.region_id,
    after: {
      recruitId: row.id,
      name: input.name,
      idNumber: maskIdNumber(input.idNumber),
      entryDate: input.entryDate,
      exitDate: input.exitDate,
    },
  });
  await reassessStation(ctx, stationId, todayInChina());
  return row.id;
}

/** Records the exit (出站) of a recruit. */
export async function setExitDate(
  ctx: CommandCtx,
  stationId: number,
  recruitId: number,
  exitDate: string,
): Promise<void> {
  const s = await loadStation(ctx.trx, ctx.actor, stationId);
  authorize(ctx.actor, 'station', 'record_recruit', { id: s.id, unitId: s.unit_id, regionId: s.region_id });
  const r = await ctx.trx
    .selectFrom('recruits')
    .select(['entry_date', 'exit_date'])
    .where('id', '=', recruitId)
    .where('station_id', '=', stationId)
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND');
  checkDates({ entryDate: r.entry_date, exitDate });
  await ctx.trx
    .updateTable('recruits')
    .set({ exit_date: exitDate, updated_at: nowIso() })
    .where('id', '=', recruitId)
    .execute();
  await writeAudit(ctx, {
    action: 'recruit.exited',
    entityType: 'station',
    entityId: stationId,
    regionId: s.region_id,
    before: { exitDate: r.exit_date },
    after: { recruitId, exitDate },
  });
}

/** Recruits as the viewer may see them: the ID number in full only for the municipal office. */
export async function presentRecruits(
  db: DbOrTrx,
  cipher: FieldCipher,
  actor: MaybeActor,
  station: { id: number; unit_id: number; region_id: number },
) {
  const full = can(actor, 'station', 'see_full_id', {
    id: station.id,
    unitId: station.unit_id,
    regionId: station.region_id,
  });
  const rows = await db
    .selectFrom('recruits')
    .selectAll()
    .where('station_id', '=', station.id)
    .orderBy('entry_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => {
    const id = cipher.decrypt(r.id_number_enc);
    return {
      id: r.id,
      name: r.name,
      idNumber: full ? id : maskIdNumber(id),
      supervisor: r.supervisor,
      mobileStation: r.mobile_station,
      project: r.project,
      entryDate: r.entry_date,
      exitDate: r.exit_date,
    };
  });
}
