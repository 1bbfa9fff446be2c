import { AppError } from '../../core/errors.js';
import type { DbOrTrx } from '../../db/index.js';
import { authorize, type MaybeActor } from '../../policy/index.js';
import { ApplicationForm, type ApplicationFormData } from '../../../shared/stations/form.js';
import type { ApplicationState } from './workflow.js';

export interface ApplicationRecord {
  id: number;
  unitId: number;
  regionId: number;
  state: ApplicationState;
  form: ApplicationFormData;
  revision: number;
  sealedScanFileId: number | null;
  batchId: number | null;
  flagged: string[];
  lastOpinion: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
}

/** Loads an application the actor may see; anyone else gets 404, as if it did not exist. */
export async function loadApplication(
  db: DbOrTrx,
  actor: MaybeActor,
  id: number,
): Promise<ApplicationRecord> {
  const r = await db.selectFrom('station_applications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND');
  authorize(actor, 'application', 'view', {
    id: r.id,
    unitId: r.unit_id,
    regionId: r.region_id,
    state: r.state,
  });
  return {
    id: r.id,
    unitId: r.unit_id,
    regionId: r.region_id,
    state: r.state as ApplicationState,
    form: ApplicationForm.parse(JSON.parse(r.form_json)),
    revision: r.revision,
    sealedScanFileId: r.sealed_scan_file_id,
    batchId: r.batch_id,
    flagged: JSON.parse(r.flagged_json) as string[],
    lastOpinion: r.last_opinion,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
  };
}

/** Every file id the form refers to, for ownership checks and presentation. */
export function evidenceIds(form: ApplicationFormData): number[] {
  const b = form.basic;
  const r = form.recommended;
  const ids = [
    ...b.legal.evidence,
    ...b.rdInstitution.evidence,
    ...b.team.supervisors.flatMap((s) => s.evidence),
    ...b.conditions.evidence,
    ...b.plan.mobileStation.evidence,
    ...b.management.evidence,
    ...r.platform.evidence,
    ...r.industry.evidence,
    ...r.strategy.evidence,
    ...r.littleGiant.evidence,
    ...r.candidate.evidence,
  ];
  return [...new Set(ids)];
}

/** Accounts to tell about an application: the unit's users, or the staff of a region / the city. */
export async function unitUserIds(db: DbOrTrx, unitId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

export async function staffUserIds(
  db: DbOrTrx,
  role: 'district_officer' | 'municipal_officer',
  regionId?: number,
): Promise<number[]> {
  let q = db.selectFrom('users').select('id').where('role', '=', role).where('status', '=', 'active');
  if (regionId !== undefined) q = q.where('region_id', '=', regionId);
  return (await q.execute()).map((r) => r.id);
}
