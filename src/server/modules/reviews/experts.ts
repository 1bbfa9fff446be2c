import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { enqueue } from '../../core/outbox.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import { allowedActions, authorize, authorizeType, type Actor } from '../../policy/index.js';
import { assertUsernameFree } from '../accounts/commands/guards.js';
import { insertUser } from '../accounts/insert-user.js';
import { generatePassword, hashPassword } from '../accounts/password.js';
import type { CreateExpertInput, ExpertProfileInput } from './schemas.js';

/* 专家库: the municipal office creates experts (an `expert` account and its profile), lists, edits, deactivates. */

export function needActor(ctx: { actor: Actor | null }): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

const profileValues = (input: ExpertProfileInput) => ({
  name: input.name,
  primary_domain: input.primaryDomain,
  secondary_domains_json: JSON.stringify(input.secondaryDomains.filter((d) => d !== input.primaryDomain)),
  keywords_json: JSON.stringify(input.keywords),
  institution: input.institution,
  title: input.title,
  contact: input.contact,
});

export async function createExpert(
  ctx: CommandCtx,
  input: CreateExpertInput,
): Promise<{ userId: number; initialPassword: string }> {
  const actor = needActor(ctx);
  authorizeType(actor, 'review_expert', 'create');
  await assertUsernameFree(ctx.trx, input.username);
  const initialPassword = generatePassword();
  const userId = await insertUser(ctx.trx, {
    username: input.username,
    passwordHash: await hashPassword(initialPassword),
    role: 'expert',
    displayName: input.name,
    mustChangePassword: true,
  });
  const now = nowIso();
  await ctx.trx
    .insertInto('review_experts')
    .values({
      user_id: userId,
      ...profileValues(input),
      active: 1,
      revision: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await writeAudit(ctx, {
    action: 'review_expert.created',
    entityType: 'review_expert',
    entityId: userId,
    after: { username: input.username, ...profileValues(input) },
  });
  await enqueue(ctx.trx, 'notify', {
    userIds: [userId],
    title: '欢迎加入博后通评审专家库',
    body: '请在首次登录时修改初始密码，并签署本年度保密及利益冲突声明。',
  });
  return { userId, initialPassword };
}

export async function loadExpertRow(db: DbOrTrx, userId: number) {
  const row = await db
    .selectFrom('review_experts')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function editExpert(
  ctx: CommandCtx,
  userId: number,
  input: ExpertProfileInput & { revision: number },
): Promise<void> {
  const actor = needActor(ctx);
  const before = await loadExpertRow(ctx.trx, userId);
  authorize(actor, 'review_expert', 'edit', { userId });
  const res = await ctx.trx
    .updateTable('review_experts')
    .set({ ...profileValues(input), revision: before.revision + 1, updated_at: nowIso() })
    .where('user_id', '=', userId)
    .where('revision', '=', input.revision)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('REVISION_CONFLICT');
  await ctx.trx.updateTable('users').set({ display_name: input.name }).where('id', '=', userId).execute();
  await writeAudit(ctx, {
    action: 'review_expert.edited',
    entityType: 'review_expert',
    entityId: userId,
    before: profileValues(presentInput(before)),
    after: profileValues(input),
  });
}

/** Deactivated experts keep their past reviews but are left out of new assignments. */
export async function setExpertActive(ctx: CommandCtx, userId: number, active: boolean): Promise<void> {
  const actor = needActor(ctx);
  await loadExpertRow(ctx.trx, userId);
  authorize(actor, 'review_expert', 'deactivate', { userId });
  const res = await ctx.trx
    .updateTable('review_experts')
    .set({ active: active ? 1 : 0, updated_at: nowIso() })
    .where('user_id', '=', userId)
    .where('active', '=', active ? 0 : 1)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    throw new AppError('STATE_CONFLICT', { state: active ? 'active' : 'disabled' });
  await writeAudit(ctx, {
    action: active ? 'review_expert.activated' : 'review_expert.deactivated',
    entityType: 'review_expert',
    entityId: userId,
    before: { active: !active },
    after: { active },
  });
}

type ExpertRow = Awaited<ReturnType<typeof loadExpertRow>>;

function presentInput(r: ExpertRow): ExpertProfileInput {
  return {
    name: r.name,
    primaryDomain: r.primary_domain as ExpertProfileInput['primaryDomain'],
    secondaryDomains: JSON.parse(r.secondary_domains_json) as ExpertProfileInput['secondaryDomains'],
    keywords: JSON.parse(r.keywords_json) as string[],
    institution: r.institution,
    title: r.title,
    contact: r.contact,
  };
}

export function presentExpert(actor: Actor, r: ExpertRow) {
  return {
    userId: r.user_id,
    ...presentInput(r),
    active: r.active === 1,
    revision: r.revision,
    actions: allowedActions(actor, 'review_expert', { userId: r.user_id }).filter((a) => a !== 'view'),
  };
}

export async function listExperts(
  db: DbOrTrx,
  actor: Actor,
  q: { domain?: string; q?: string; active?: '1' | '0' },
) {
  authorizeType(actor, 'review_expert', 'list');
  let query = db.selectFrom('review_experts').selectAll().orderBy('id');
  if (q.active) query = query.where('active', '=', Number(q.active));
  const rows = await query.execute();
  const needle = q.q?.toLowerCase();
  const items = rows
    .filter(
      (r) =>
        (!q.domain || r.primary_domain === q.domain || r.secondary_domains_json.includes(`"${q.domain}"`)) &&
        (!needle ||
          r.name.toLowerCase().includes(needle) ||
          r.institution.toLowerCase().includes(needle) ||
          r.keywords_json.toLowerCase().includes(needle)),
    )
    .map((r) => presentExpert(actor, r));
  return { items };
}
