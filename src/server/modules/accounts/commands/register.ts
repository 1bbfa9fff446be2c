import { writeAudit } from '../../../core/audit.js';
import type { CommandCtx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { nowIso } from '../../../db/index.js';
import { hashPassword } from '../password.js';
import { insertUser } from '../insert-user.js';
import type { RegisterIndividualInput, RegisterUnitInput } from '../schemas.js';
import { assertDistrict, assertUsernameFree } from './guards.js';
import { enqueue } from '../../../core/outbox.js';
import { staffUserIds } from '../../stations/load.js';

/** Self-registration of a unit (单位注册): the unit record and its first account, in one transaction. */
export async function registerUnit(ctx: CommandCtx, input: RegisterUnitInput): Promise<number> {
  const { trx } = ctx;
  await assertUsernameFree(trx, input.username);
  await assertDistrict(trx, input.unit.regionId, 'unit.regionId');
  const u = input.unit;
  const existing = await trx
    .selectFrom('units')
    .select(['id', 'name', 'region_id'])
    .where('credit_code', '=', u.creditCode)
    .executeTakeFirst();
  let unitId: number;
  let claimed = false;
  if (existing) {
    // A unit already on file (e.g. imported with its station) and without any account may be claimed
    // by registering with the same code, name and district; its district office is told, so a
    // wrongful claim is caught. Anything else is a duplicate.
    const accounts = await trx
      .selectFrom('users')
      .select('id')
      .where('unit_id', '=', existing.id)
      .executeTakeFirst();
    if (accounts || existing.name !== u.name || existing.region_id !== u.regionId) {
      throw new AppError('DUPLICATE', {}, [{ path: 'unit.creditCode', key: 'credit_code_taken' }]);
    }
    await trx
      .updateTable('units')
      .set({
        unit_type: u.unitType,
        registration_date: u.registrationDate,
        contact_name: u.contactName,
        contact_phone: u.contactPhone,
        contact_email: u.contactEmail,
        updated_at: nowIso(),
      })
      .where('id', '=', existing.id)
      .execute();
    unitId = existing.id;
    claimed = true;
  } else {
    const now = nowIso();
    const row = await trx
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
    unitId = row.id;
  }
  const unit = { id: unitId };
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
    action: claimed ? 'unit.claimed' : 'unit.registered',
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
  if (claimed) {
    await enqueue(trx, 'notify', {
      userIds: await staffUserIds(trx, 'district_officer', u.regionId),
      title: `${u.name} 已注册账号并认领本单位`,
      body: `该单位（统一社会信用代码 ${u.creditCode}）已在平台登记，账号 ${input.username} 认领了单位信息。如非本单位所为，请联系系统管理员停用该账号。`,
    });
  }
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
