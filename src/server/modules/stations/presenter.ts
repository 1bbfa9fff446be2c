import type { DbOrTrx } from '../../db/index.js';
import { availableTransitions } from '../../core/workflow.js';
import { can, type MaybeActor } from '../../policy/index.js';
import { checkEligibility } from '../../../shared/stations/eligibility.js';
import { presentFiles } from '../files/commands.js';
import { unitMatchPriority } from '../followup/priority.js';
import { evidenceIds, type ApplicationRecord } from './load.js';
import { APPLICATION_WORKFLOW } from './workflow.js';

/** What the caller may do with the application now: workflow actions plus editing. */
export function applicationActions(actor: MaybeActor, app: ApplicationRecord): string[] {
  const facts = { isOwner: actor?.unitId === app.unitId, inRegion: actor?.regionId === app.regionId };
  const actions: string[] = availableTransitions(APPLICATION_WORKFLOW, app.state, actor, facts);
  const res = { id: app.id, unitId: app.unitId, regionId: app.regionId, state: app.state };
  if (can(actor, 'application', 'edit', res)) actions.unshift('edit');
  // Certification happens inside a batch; withdrawal is no longer possible once batched.
  return actions.filter((a) => {
    if ((a === 'certify' || a === 'municipal_reject') && app.batchId === null) return false;
    if (a === 'withdraw' && app.batchId !== null) return false;
    return true;
  });
}

export async function presentApplication(db: DbOrTrx, actor: MaybeActor, app: ApplicationRecord) {
  const unit = await db
    .selectFrom('units')
    .innerJoin('regions', 'regions.id', 'units.region_id')
    .select([
      'units.id',
      'units.name',
      'units.credit_code',
      'units.unit_type',
      'units.contact_name',
      'units.contact_phone',
      'units.contact_email',
      'regions.id as region_id',
      'regions.name as region_name',
    ])
    .where('units.id', '=', app.unitId)
    .executeTakeFirstOrThrow();
  const events = await db
    .selectFrom('application_events')
    .selectAll()
    .where('application_id', '=', app.id)
    .orderBy('id')
    .execute();
  const batch = app.batchId
    ? await db
        .selectFrom('cert_batches')
        .select(['id', 'name', 'state'])
        .where('id', '=', app.batchId)
        .executeTakeFirst()
    : undefined;
  const station = await db
    .selectFrom('stations')
    .select(['id', 'number'])
    .where('application_id', '=', app.id)
    .executeTakeFirst();
  const [scan] = app.sealedScanFileId ? await presentFiles(db, [app.sealedScanFileId]) : [];
  return {
    id: app.id,
    state: app.state,
    unit: {
      id: unit.id,
      name: unit.name,
      creditCode: unit.credit_code,
      unitType: unit.unit_type,
      contactName: unit.contact_name,
      contactPhone: unit.contact_phone,
      contactEmail: unit.contact_email,
    },
    region: { id: unit.region_id, name: unit.region_name },
    form: app.form,
    revision: app.revision,
    eligibility: checkEligibility(app.form),
    files: await presentFiles(db, evidenceIds(app.form)),
    sealedScan: scan ?? null,
    flagged: app.flagged,
    lastOpinion: app.lastOpinion,
    batch: batch ?? null,
    station: station ?? null,
    /** 揭榜对接优先: a party to a match without a station (seed 002 §四), with the matched needs. */
    matchPriority: await unitMatchPriority(db, app.unitId),
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
    submittedAt: app.submittedAt,
    decidedAt: app.decidedAt,
    timeline: events.map((e) => ({
      id: e.id,
      action: e.action,
      from: e.from_state,
      to: e.to_state,
      actorName: e.actor_name,
      actorRole: e.actor_role,
      opinion: e.opinion,
      flagged: JSON.parse(e.flagged_json) as string[],
      at: e.at,
    })),
    actions: applicationActions(actor, app),
  };
}
