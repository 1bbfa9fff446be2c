import { sql } from 'kysely';
import { z } from 'zod';
import { toXlsx } from '../../core/excel.js';
import { containsText, toInt, type DbOrTrx } from '../../db/index.js';
import { authorizeType, regionScope, type Actor } from '../../policy/index.js';
import { DOMAINS } from '../../../shared/roles.js';
import { domainLabel } from '../../../shared/labels.js';
import { DECISIONS } from '../taking/workflow.js';
import { VERIFICATION_STATES, VERIFICATION_STATE_LABELS, type VerificationState } from './workflow.js';

/*
 * 查阅全部对接 (seed 002 §三(一)): every sign-up of the office's scope with its need, taker, solution, thread
 * and verification, filterable and exportable. One row per sign-up (a sign-up without a solution yet is
 * `no_solution`). District offices see the needs of their district, the municipal office all.
 */
export const STAGES = ['no_solution', 'draft', ...DECISIONS] as const;
export type Stage = (typeof STAGES)[number];

export const OverviewQuery = z.object({
  stage: z.enum(STAGES).optional(),
  domain: z.enum(DOMAINS).optional(),
  verification: z.enum(VERIFICATION_STATES).optional(),
  regionId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type OverviewFilter = z.infer<typeof OverviewQuery>;

export interface EngagementRow {
  signupId: number;
  challengeId: number;
  title: string;
  kind: string;
  domain: string;
  regionId: number;
  regionName: string;
  poster: string;
  taker: string;
  takerKind: string;
  teamSize: number;
  signupState: string;
  solutionId: number | null;
  stage: Stage;
  messages: number;
  lastMessageAt: string | null;
  verification: VerificationState;
  signedUpAt: string;
}

/** The filtered rows, before paging (stage computed in SQL so it filters and counts). */
function base(db: DbOrTrx, actor: Actor, f: Omit<OverviewFilter, 'page' | 'pageSize' | 'stage'>) {
  authorizeType(actor, 'engagement_overview', 'list');
  const scope = regionScope(actor);
  const stage = sql<string>`case when so.id is null then 'no_solution' when so.state = 'draft' then 'draft' else so.decision end`;
  let q = db
    .selectFrom('signups as s')
    .innerJoin('challenges as c', 'c.id', 's.challenge_id')
    .innerJoin('regions as r', 'r.id', 'c.region_id')
    .innerJoin('users as pu', 'pu.id', 'c.poster_user_id')
    .innerJoin('users as lu', 'lu.id', 's.leader_user_id')
    .leftJoin('units as tu', 'tu.id', 's.unit_id')
    .leftJoin('solutions as so', (j) =>
      j.onRef('so.signup_id', '=', 's.id').on('so.state', '!=', 'withdrawn'),
    )
    .leftJoin('verifications as v', (j) =>
      j.onRef('v.entity_id', '=', 's.id').on('v.entity_type', '=', 'signup'),
    )
    .select([
      's.id as signupId',
      'c.id as challengeId',
      'c.title',
      'c.kind',
      'c.domain',
      'c.region_id as regionId',
      'r.name as regionName',
      'pu.display_name as poster',
      'lu.display_name as leader',
      'tu.name as unitName',
      's.team_name as teamName',
      's.taker_kind as takerKind',
      's.state as signupState',
      's.created_at as signedUpAt',
      'so.id as solutionId',
      stage.as('stage'),
      sql<string>`coalesce(v.state, 'unverified')`.as('verification'),
      sql<number>`(select count(*) from signup_members m where m.signup_id = s.id and m.state = 'confirmed')`.as(
        'members',
      ),
      sql<number>`(select count(*) from solution_messages sm where sm.solution_id = so.id)`.as('messages'),
      sql<
        string | null
      >`(select max(sm.created_at) from solution_messages sm where sm.solution_id = so.id)`.as(
        'lastMessageAt',
      ),
    ])
    .where('s.state', '!=', 'withdrawn');
  if (scope === 'none') q = q.where(sql<boolean>`1 = 0`);
  else if (scope !== null) q = q.where('c.region_id', '=', scope);
  if (f.regionId) q = q.where('c.region_id', '=', f.regionId);
  if (f.domain) q = q.where('c.domain', '=', f.domain);
  if (f.verification) q = q.where(sql`coalesce(v.state, 'unverified')`, '=', f.verification);
  if (f.q) q = q.where(containsText('c.title', f.q));
  return { q, stage };
}

type Raw = Awaited<ReturnType<ReturnType<typeof base>['q']['execute']>>[number];

function toRow(r: Raw): EngagementRow {
  const taker =
    r.takerKind === 'unit' ? (r.unitName ?? '') : r.teamName ? `${r.teamName}（${r.leader}）` : r.leader;
  return {
    signupId: r.signupId,
    challengeId: r.challengeId,
    title: r.title,
    kind: r.kind,
    domain: r.domain,
    regionId: r.regionId,
    regionName: r.regionName,
    poster: r.poster,
    taker,
    takerKind: r.takerKind,
    teamSize: r.takerKind === 'unit' ? 0 : 1 + toInt(r.members),
    signupState: r.signupState,
    solutionId: r.solutionId ?? null,
    stage: r.stage as Stage,
    messages: toInt(r.messages),
    lastMessageAt: r.lastMessageAt ?? null,
    verification: r.verification as VerificationState,
    signedUpAt: r.signedUpAt,
  };
}

export async function engagementOverview(db: DbOrTrx, actor: Actor, f: OverviewFilter) {
  const { q, stage } = base(db, actor, f);
  const counted = await db
    .selectFrom(q.as('x'))
    .select(['x.stage', sql<number>`count(*)`.as('n')])
    .groupBy('x.stage')
    .execute();
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const c of counted) counts[c.stage as Stage] = toInt(c.n);
  const filtered = f.stage ? q.where(stage, '=', f.stage) : q;
  const rows = await filtered
    .orderBy('s.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const total = f.stage ? counts[f.stage] : Object.values(counts).reduce((a, b) => a + b, 0);
  return { total, page: f.page, pageSize: f.pageSize, counts, items: rows.map(toRow) };
}

const STAGE_ZH: Record<Stage, string> = {
  no_solution: '未提交方案',
  draft: '方案草稿',
  pending: '待处理',
  shortlisted: '已入围',
  proposed: '拟对接',
  matched: '对接成功',
  rejected: '未入选',
};

/** The same filter as Excel, every row (at most 20,000). */
export async function exportOverview(db: DbOrTrx, actor: Actor, f: OverviewFilter): Promise<Buffer> {
  authorizeType(actor, 'engagement_overview', 'export');
  const { q, stage } = base(db, actor, f);
  const rows = (
    await (f.stage ? q.where(stage, '=', f.stage) : q).orderBy('s.id', 'desc').limit(20_000).execute()
  ).map(toRow);
  return toXlsx<EngagementRow>(
    '对接总览',
    [
      { header: '报名编号', width: 10, value: (r) => r.signupId },
      { header: '榜单', width: 36, value: (r) => r.title },
      { header: '类型', width: 14, value: (r) => (r.kind === 'tech' ? '技术攻关需求' : '成果转化需求') },
      { header: '领域', value: (r) => domainLabel(r.domain, 'zh-CN') },
      { header: '区县', value: (r) => r.regionName },
      { header: '张榜方', value: (r) => r.poster },
      { header: '揭榜方', width: 28, value: (r) => r.taker },
      { header: '团队人数', width: 10, value: (r) => r.teamSize || null },
      { header: '对接阶段', value: (r) => STAGE_ZH[r.stage] },
      { header: '留言数', width: 10, value: (r) => r.messages },
      { header: '最近留言', width: 22, value: (r) => r.lastMessageAt },
      { header: '核实', width: 10, value: (r) => VERIFICATION_STATE_LABELS[r.verification]['zh-CN'] },
      { header: '报名时间', width: 22, value: (r) => r.signedUpAt },
    ],
    rows,
  );
}
