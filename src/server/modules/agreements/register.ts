import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { containsText, toInt, type DbOrTrx } from '../../db/index.js';
import { authorizeType, regionScope, type Actor } from '../../policy/index.js';
import { AGREEMENT_STATES } from './workflow.js';

export const RegisterQuery = z.object({
  state: z.enum(AGREEMENT_STATES).optional(),
  templateKey: z.string().max(40).optional(),
  /** Document number, filing number or title contains. */
  q: z.string().trim().max(64).optional(),
  /** Filed on or after / before (YYYY-MM-DD, China time is close enough for a register filter). */
  filedFrom: z.iso.date().optional(),
  filedTo: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type RegisterFilter = z.infer<typeof RegisterQuery>;

export interface RegisterItem {
  id: number;
  number: string;
  title: string;
  templateKey: string;
  templateVersion: number;
  state: string;
  filingNumber: string | null;
  filedAt: string | null;
  createdAt: string;
  regionId: number | null;
  regionName: string | null;
  subjectType: string;
  subjectId: number;
  parties: string;
}

/**
 * The filing register (备案登记簿) for the offices — the municipal office everything, a district office
 * its district — and "my agreements" for the parties. Defaults to filed documents in the register.
 */
export async function listAgreements(
  db: DbOrTrx,
  actor: Actor,
  scope: 'mine' | 'register',
  f: RegisterFilter,
  all = false,
): Promise<{ items: RegisterItem[]; total: number; page: number; pageSize: number }> {
  let q = db.selectFrom('agreements as a').leftJoin('regions as r', 'r.id', 'a.region_id');
  if (scope === 'mine') {
    authorizeType(actor, 'agreement', 'list_mine');
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('agreement_parties as p')
          .select('p.id')
          .whereRef('p.agreement_id', '=', 'a.id')
          .where('p.user_id', '=', actor.id),
      ),
    );
  } else {
    authorizeType(actor, 'agreement', 'register');
    const region = regionScope(actor);
    if (region === 'none') throw new AppError('FORBIDDEN');
    if (region !== null) q = q.where('a.region_id', '=', region);
  }
  const state = f.state ?? (scope === 'register' ? 'filed' : undefined);
  if (state) q = q.where('a.state', '=', state);
  if (f.templateKey) q = q.where('a.template_key', '=', f.templateKey);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        containsText('a.number', text),
        containsText('a.title', text),
        containsText('a.filing_number', text),
      ]),
    );
  }
  if (f.filedFrom) q = q.where('a.filed_at', '>=', `${f.filedFrom}T00:00:00.000Z`);
  if (f.filedTo) q = q.where('a.filed_at', '<', `${f.filedTo}T23:59:59.999Z`);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rows = q
    .select([
      'a.id',
      'a.number',
      'a.title',
      'a.template_key',
      'a.template_version',
      'a.state',
      'a.filing_number',
      'a.filed_at',
      'a.created_at',
      'a.region_id',
      'r.name as region_name',
      'a.subject_type',
      'a.subject_id',
    ])
    .orderBy('a.id', 'desc');
  if (!all) rows = rows.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const found = await rows.execute();
  const ids = found.map((r) => r.id);
  const parties = ids.length
    ? await db
        .selectFrom('agreement_parties')
        .select(['agreement_id', 'role_label', 'name'])
        .where('agreement_id', 'in', ids)
        .orderBy('party_order')
        .orderBy('id')
        .execute()
    : [];
  return {
    items: found.map((r) => ({
      id: r.id,
      number: r.number ?? '',
      title: r.title,
      templateKey: r.template_key,
      templateVersion: r.template_version,
      state: r.state,
      filingNumber: r.filing_number,
      filedAt: r.filed_at,
      createdAt: r.created_at,
      regionId: r.region_id,
      regionName: r.region_name,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      parties: parties
        .filter((p) => p.agreement_id === r.id)
        .map((p) => `${p.role_label}：${p.name}`)
        .join('；'),
    })),
    total: toInt(n),
    page: f.page,
    pageSize: f.pageSize,
  };
}
