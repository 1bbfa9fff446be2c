import { writeAudit } from '../../../core/audit.js';
import type { CommandCtx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { nowIso } from '../../../db/index.js';
import { hashPassword } from '../password.js';
import { insertUser } from '../insert-user.js';
import type { RegisterIndividualInput, RegisterUnitInput } from '../schemas.js';
import { assertDistrict, assertUsernameFree } from './guards.js';

/** Self-registration of a unit (单位注册): the unit record and its first account, in one transaction. */
export async function registerUnit(ctx: CommandCtx, input: RegisterUnitInput): Promise<number> {
  const { trx } = ctx;
  await assertUsernameFree(trx, input.username);
  await assertDistrict(trx, input.unit.regionId, 'unit.regionId');
  const dup = await trx
    .selectFrom('units')
    .select('id')
    .where('credit_code', '=', input.unit.creditCode)
    .executeTakeFirst();
  if (dup) throw new AppError('DUPLICATE', {}, [{ path: 'unit.creditCode', key: 'credit_code_taken' }]);

  const now = nowIso();
  const u = input.unit;
  const unit = await trx
    .insertInto('units')
    .values({
      name: u.name,
      unit_type: u.unitType,
      credit_code: u.creditCode,
      registration_date: u.registrationDate,
      region_id: u.regionId,
      contact_name: u.contactName,
      contact_phone: u.contactPhone,
      contact_email: u.contactEmail,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = {
    id: await insertUser(trx, {
      username: input.username,
      passwordHash: await hashPassword(input.password),
      role: 'unit',
      displayName: u.name,
      regionId: u.regionId,
      unitId: unit.id,
      email: u.contactEmail,
      phone: u.contactPhone,
    }),
  };
  const auditCtx = {
    ...ctx,
    actor: {
      id: user.id,
      username: input.username,
      displayName: u.name,
      role: 'unit' as const,
      regionId: u.regionId,
      unitId: unit.id,
    },
  };
  await writeAudit(auditCtx, {
    action: 'unit.registered',
    entityType: 'unit',
    entityId: unit.id,
    regionId: u.regionId,
    after: u,
  });
  await writeAudit(auditCtx, {
    action: 'account.registered',
    entityType: 'account',
    entityId: user.id,
    regionId: u.regionId,
    after: { username: input.username, role: 'unit', unitId: unit.id },
  });
  return user.id;
}

/** Self-registration of an individual (个人注册): a PhD or postdoc. */
export async function registerIndividual(ctx: CommandCtx, input: RegisterIndividualInput): Promise<number> {
  const { trx } = ctx;
  await assertUsernameFree(trx, input.username);
  const p = input.person;
  const user = {
    id: await insertUser(trx, {
      username: input.username,
      passwordHash: await hashPassword(input.password),
      role: 'individual',
      displayName: p.name,
      email: p.email,
      phone: p.phone,
    }),
  };
  await trx
    .insertInto('person_profiles')
    .values({
      user_id: user.id,
      name: p.name,
      degree: p.degree,
      postdoc_status: p.postdocStatus,
      field: p.field,
      institution: p.institution,
    })
    .execute();
  const auditCtx = {
    ...ctx,
    actor: {
      id: user.id,
      username: input.username,
      displayName: p.name,
      role: 'individual' as const,
      regionId: null,
      unitId: null,
    },
  };
  await writeAudit(auditCtx, {
    action: 'account.registered',
    entityType: 'account',
    entityId: user.id,
    after: { username: input.username, role: 'individual', person: p },
  });
  return user.id;
}
