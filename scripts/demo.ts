/**
 * Fills demo data: one account per everyday role, each printed with its login. Safe to run twice
 * (existing demo accounts are left as they are). Uses the same DATA_DIR / DATABASE_URL as the server.
 */
import { appendAudit } from '../src/server/core/audit.js';
import type { CommandCtx } from '../src/server/core/context.js';
import type { DbHandle } from '../src/server/db/index.js';
import { hashPassword } from '../src/server/modules/accounts/password.js';
import { insertUser } from '../src/server/modules/accounts/insert-user.js';
import { registerIndividual, registerUnit } from '../src/server/modules/accounts/commands/register.js';
import { RegisterIndividualBody, RegisterUnitBody } from '../src/server/modules/accounts/schemas.js';
import { creditCodeCheckChar } from '../src/shared/credit-code.js';
import type { StaffRole } from '../src/shared/roles.js';
import { openForCli } from './cli.js';
import { demoChallenges } from './demo-challenges.js';

const PASSWORD = 'Demo@2026bh';

async function regionId(h: DbHandle, name: string): Promise<number> {
  const r = await h.db.selectFrom('regions').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return r.id;
}

async function exists(h: DbHandle, username: string): Promise<boolean> {
  return !!(await h.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst());
}

function ctxOf(h: DbHandle, trx: CommandCtx['trx']): CommandCtx {
  return { trx, dialect: h.dialect, actor: null, ip: '127.0.0.1', userAgent: 'demo-script' };
}

async function staff(
  h: DbHandle,
  username: string,
  displayName: string,
  role: StaffRole,
  region: number | null,
): Promise<void> {
  const hash = await hashPassword(PASSWORD);
  await h.db.transaction().execute(async (trx) => {
    const row = {
      id: await insertUser(trx, {
        username,
        passwordHash: hash,
        role,
        displayName,
        regionId: region,
        email: `${username}@example.org`,
        phone: '023-00000000',
      }),
    };
    await appendAudit(trx, h.dialect, {
      actorId: null,
      actorName: 'demo',
      actorRole: 'system',
      ip: '127.0.0.1',
      action: 'account.created',
      entityType: 'account',
      entityId: row.id,
      regionId: region,
      after: { username, role, regionId: region, displayName },
    });
  });
}

const { database: h } = await openForCli();
const yuzhong = await regionId(h, '渝中区');
const made: Array<[string, string]> = [];

if (!(await exists(h, 'demo_unit'))) {
  const first17 = '91500103MA5YQ8K21';
  await h.db.transaction().execute((trx) =>
    registerUnit(
      ctxOf(h, trx),
      RegisterUnitBody.parse({
        username: 'demo_unit',
        password: PASSWORD,
        unit: {
          name: '重庆示例智能制造有限公司',
          unitType: 'enterprise',
          creditCode: first17 + creditCodeCheckChar(first17),
          registrationDate: '2015-06-18',
          regionId: yuzhong,
          contactName: '王晓',
          contactPhone: '023-63000000',
          contactEmail: 'hr@demo-unit.example.org',
        },
      }),
    ),
  );
}
made.push(['demo_unit', '单位用户 unit (重庆示例智能制造有限公司, 渝中区)']);

if (!(await exists(h, 'demo_postdoc'))) {
  await h.db.transaction().execute((trx) =>
    registerIndividual(
      ctxOf(h, trx),
      RegisterIndividualBody.parse({
        username: 'demo_postdoc',
        password: PASSWORD,
        person: {
          name: '李博',
          degree: 'doctorate',
          postdocStatus: 'in_station',
          field: '新材料',
          institution: '重庆大学',
          email: 'libo@example.org',
          phone: '13800000000',
        },
      }),
    ),
  );
}
made.push(['demo_postdoc', '个人用户 individual postdoc (在站)']);

const staffAccounts: Array<[string, string, StaffRole, number | null, string]> = [
  ['demo_district', '渝中区博管办 张敏', 'district_officer', yuzhong, '区县博管办 district officer (渝中区)'],
  ['demo_city', '市博管办 陈立', 'municipal_officer', null, '市博管办 municipal officer'],
  ['demo_national', '部级审核 赵宁', 'national_reviewer', null, '部级审核 national reviewer'],
  ['demo_expert', '评审专家 周教授', 'expert', null, '评审专家 expert'],
];
for (const [username, name, role, region, label] of staffAccounts) {
  if (!(await exists(h, username))) await staff(h, username, name, role, region);
  made.push([username, label]);
}
const posted = await demoChallenges(h, yuzhong);
await h.close();

console.log('\n博后通 demo accounts (password for all: ' + PASSWORD + ')\n');
for (const [u, label] of made) console.log(`  ${u.padEnd(14)} ${PASSWORD}   ${label}`);
if (posted > 0) console.log(`\n  ${posted} demo postings published in the 榜单大厅 (/hall)`);
console.log('');
