import { z } from 'zod';
import { containsText, toInt, type DbOrTrx } from '../../db/index.js';
import { allowedActions, authorizeType, can, regionScope, type Actor } from '../../policy/index.js';
import { milestoneStatus, overdueMilestones } from '../../../shared/followup/rules.js';
import { todayInChina } from '../../../shared/roles.js';
import { presentFiles } from '../files/commands.js';
import { presentOutcome } from './outcome-presenter.js';
import { projectRes, type LoadedProject, type ProjectRow } from './projects.js';

async function partyNames(db: DbOrTrx, rows: ProjectRow[]) {
  const unitIds = rows
    .flatMap((r) => [r.poster_unit_id, r.taker_unit_id])
    .filter((x): x is number => x !== null);
  const userIds = rows.flatMap((r) => [r.poster_user_id, r.leader_user_id]);
  const units = unitIds.length
    ? await db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute()
    : [];
  const users =
    userIds.length === 0
      ? []
      : await db
          .selectFrom('users')
          .leftJoin('person_profiles', 'person_profiles.user_id', 'users.id')
          .select(['users.id', 'users.display_name', 'person_profiles.name'])
          .where('users.id', 'in', userIds)
          .execute();
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const userName = new Map(users.map((u) => [u.id, u.name ?? u.display_name]));
  return (unitId: number | null, userId: number) =>
    (unitId !== null ? unitName.get(unitId) : undefined) ?? userName.get(userId) ?? '';
}

async function milestonesOf(db: DbOrTrx, projectIds: number[]) {
  if (projectIds.length === 0) return [];
  return db
    .selectFrom('followup_milestones')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .orderBy('project_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

function summary(p: ProjectRow, name: (unitId: number | null, userId: number) => string) {
  return {
    id: p.id,
    title: p.title,
    challengeId: p.challenge_id,
    solutionId: p.solution_id,
    poster: {
      name: name(p.poster_unit_id, p.poster_user_id),
      unitId: p.poster_unit_id,
      regionId: p.poster_region_id,
    },
    taker: {
      name: name(p.taker_unit_id, p.leader_user_id),
      unitId: p.taker_unit_id,
      regionId: p.taker_region_id,
    },
    matchedAt: p.matched_at,
  };
}

export const ListProjectsQuery = z.object({
  q: z.string().trim().max(64).optional(),
  regionId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** The projects in the caller's scope: the parties their own, a district office its district's, the city all. */
export async function listProjects(db: DbOrTrx, actor: Actor, f: z.infer<typeof ListProjectsQuery>) {
  authorizeType(actor, 'followup_project', 'list');
  let q = db.selectFrom('followup_projects');
  if (actor.role === 'unit' || actor.role === 'individual') {
    const u = actor.unitId;
    q = q.where((eb) =>
      eb.or([
        eb('party_users', 'like', `%,${actor.id},%`),
        ...(u !== null ? [eb('poster_unit_id', '=', u), eb('taker_unit_id', '=', u)] : []),
      ]),
    );
  } else {
    // Offices: the region filter of the policy (null = the whole city).
    const scope = regionScope(actor);
    const r = scope === 'none' ? -1 : scope;
    if (r !== null)
      q = q.where((eb) => eb.or([eb('poster_region_id', '=', r), eb('taker_region_id', '=', r)]));
  }
  if (f.regionId)
    q = q.where((eb) =>
      eb.or([eb('poster_region_id', '=', f.regionId!), eb('taker_region_id', '=', f.regionId!)]),
    );
  if (f.q) q = q.where(containsText('title', f.q));
  const total = toInt((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
  const rows = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const name = await partyNames(db, rows);
  const ms = await milestonesOf(
    db,
    rows.map((r) => r.id),
  );
  const today = todayInChina();
  const items = rows.map((p) => {
    const own = ms.filter((m) => m.project_id === p.id).map((m) => ({ due: m.due, doneOn: m.done_on }));
    return {
      ...summary(p, name),
      milestones: own.length,
      done: own.filter((m) => m.doneOn !== null).length,
      overdue: overdueMilestones(own, today).length,
    };
  });
  return { items, total, page: f.page, pageSize: f.pageSize };
}

/** One project with its milestones, progress reports and the outcome reports the caller may see. */
export async function presentProject(db: DbOrTrx, actor: Actor, l: LoadedProject) {
  const p = l.project;
  const name = await partyNames(db, [p]);
  const today = todayInChina();
  const ms = await milestonesOf(db, [p.id]);
  const reports = await db
    .selectFrom('followup_reports')
    .selectAll()
    .where('project_id', '=', p.id)
    .orderBy('id', 'desc')
    .execute();
  const outcomes = await db
    .selectFrom('outcome_reports')
    .selectAll()
    .where('project_id', '=', p.id)
    .orderBy('id', 'desc')
    .execute();
  const visibleOutcomes = outcomes.filter((o) =>
    can(actor, 'outcome_report', 'view', { id: o.id, regionId: o.region_id, state: o.state }),
  );
  return {
    ...summary(p, name),
    milestones: ms.map((m) => ({
      id: m.id,
      title: m.title,
      due: m.due,
      deliverable: m.deliverable,
      doneOn: m.done_on,
      note: m.note,
      revision: m.revision,
      status: milestoneStatus({ due: m.due, doneOn: m.done_on }, today),
    })),
    reports: await Promise.all(
      reports.map(async (r) => ({
        id: r.id,
        authorName: r.author_name,
        side: r.side,
        period: r.period,
        body: r.body,
        milestones: JSON.parse(r.milestones_json) as Array<{ milestoneId: number; status: string }>,
        attachments: await presentFiles(db, JSON.parse(r.attachment_ids_json) as number[]),
        createdAt: r.created_at,
      })),
    ),
    outcomes: await Promise.all(visibleOutcomes.map((o) => presentOutcome(db, actor, o, p))),
    actions: allowedActions(actor, 'followup_project', projectRes(p)),
  };
}
