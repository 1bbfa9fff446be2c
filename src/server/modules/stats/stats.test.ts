import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../db/index.js';
import { expectError, type ApiClient } from '../../test/client.js';
import { buildActor, buildDistrict, buildUnit, buildUser, uniq } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { todayInChina } from '../../../shared/roles.js';
import { wholeYears } from '../../../shared/stations/adjustment.js';

let t: TestApp;
let fx: Awaited<ReturnType<typeof districtData>>;
beforeAll(async () => {
  t = await startTestApp();
  fx = await districtData();
});
afterAll(async () => t.close());

const daysAgo = (n: number): string =>
  new Date(Date.parse(`${todayInChina()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** A fresh district with five stations, their recruits and six applications: every number is known. */
async function districtData() {
  const district = await buildDistrict(t.db);
  const author = await buildUser(t.db, 'municipal_officer');
  const now = nowIso();
  const station = async (
    status: 'active' | 'rectification' | 'deregistered',
    certified: string,
    recruits: Array<[entry: string, exit: string | null]> = [],
    countFrom: string | null = null,
  ) => {
    const unit = await buildUnit(t.db, { region_id: district.id });
    const number = uniq('STAT').toUpperCase();
    const s = await t.db
      .insertInto('stations')
      .values({
        number,
        unit_id: unit.id,
        region_id: district.id,
        level: 'municipal',
        national_cultivation: 0,
        status,
        certified_at: `${certified}T00:00:00.000Z`,
        created_at: now,
        count_from: countFrom,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, [entry, exit]] of recruits.entries()) {
      await t.db
        .insertInto('recruits')
        .values({
          station_id: s.id,
          name: `博士后${i}`,
          id_number_enc: 'x',
          id_number_hash: uniq('h'),
          id_last4: '0000',
          supervisor: '导师',
          mobile_station: '重庆大学',
          project: '项目',
          entry_date: entry,
          exit_date: exit,
          created_by: author.id,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    return { id: s.id, number, unitId: unit.id };
  };
  const s1 = await station(
    'active',
    '2020-03-01',
    [
      ['2021-05-10', '2023-05-09'],
      ['2021-11-20', null],
      ['2023-02-01', null],
    ],
    daysAgo(30),
  );
  // At risk, but not yet due for rectification: a concurrent adjustment run (other test files share the
  // PostgreSQL database) leaves every station here as it is.
  const s2 = await station('active', daysAgo(2 * 365 + 10));
  const s3 = await station('rectification', '2018-06-01', [['2019-07-01', '2021-06-30']]);
  const s4 = await station('deregistered', '2017-01-01', [['2017-09-09', null]]);
  const s5 = await station('active', daysAgo(365));
  const application = async (state: string, submittedAt: string | null) =>
    t.db
      .insertInto('station_applications')
      .values({
        unit_id: s1.unitId,
        region_id: district.id,
        state,
        form_json: '{}',
        revision: 1,
        flagged_json: '[]',
        last_opinion: '',
        created_by: author.id,
        created_at: submittedAt ?? now,
        updated_at: now,
        submitted_at: submittedAt,
      })
      .execute();
  await application('submitted', '2025-01-10T02:00:00.000Z');
  await application('certified', '2025-01-31T17:00:00.000Z'); // 1 February in China
  await application('returned', '2025-03-05T00:00:00.000Z');
  await application('rejected', '2025-03-20T00:00:00.000Z');
  await application('draft', null);
  await application('withdrawn', '2024-12-31T15:59:59.000Z'); // still 31 December in China
  const officer = await buildActor(t, 'district_officer', { regionId: district.id });
  const city = await buildActor(t, 'municipal_officer');
  return { district, officer, city, s1, s2, s3, s4, s5 };
}

const EXPECTED = {
  stations: (regionId: number, regionName: string) => ({
    regionId,
    regionName,
    active: 3,
    rectification: 1,
    deregistered: 1,
    total: 5,
  }),
  applications: [
    { month: '2024-12', withdrawn: 1, total: 1 },
    { month: '2025-01', submitted: 1, total: 1 },
    { month: '2025-02', certified: 1, total: 1 },
    { month: '2025-03', returned: 1, rejected: 1, total: 2 },
  ],
  recruits: [
    { year: '2017', entries: 1, exits: 0, stations: 1 },
    { year: '2018', entries: 0, exits: 0, stations: 0 },
    { year: '2019', entries: 1, exits: 0, stations: 1 },
    { year: '2020', entries: 0, exits: 0, stations: 0 },
    { year: '2021', entries: 2, exits: 1, stations: 1 },
    { year: '2022', entries: 0, exits: 0, stations: 0 },
    { year: '2023', entries: 1, exits: 1, stations: 1 },
  ],
};
const zeroStates = { submitted: 0, returned: 0, recommended: 0, certified: 0, rejected: 0, withdrawn: 0 };

async function expectDistrictNumbers(c: ApiClient, query = ''): Promise<void> {
  const { district, s2, s3 } = fx;
  const stations = await c.get<{ scope: unknown; rows: unknown[]; totals: unknown }>(
    `/api/stats/stations${query}`,
  );
  expect(stations.status).toBe(200);
  expect(stations.body).toEqual({
    scope: { regionId: district.id, regionName: district.name },
    rows: [EXPECTED.stations(district.id, district.name)],
    totals: { active: 3, rectification: 1, deregistered: 1, total: 5 },
  });

  const apps = await c.get<{ rows: unknown[]; totals: unknown; states: Array<{ key: string }> }>(
    `/api/stats/applications${query}`,
  );
  expect(apps.body.states.map((s) => s.key)).toEqual(Object.keys(zeroStates));
  expect(apps.body.rows).toEqual(EXPECTED.applications.map((r) => ({ ...zeroStates, ...r })));
  expect(apps.body.totals).toEqual({
    ...zeroStates,
    submitted: 1,
    certified: 1,
    returned: 1,
    rejected: 1,
    withdrawn: 1,
    total: 5,
  });

  const recruits = await c.get<{ rows: unknown[]; totals: unknown }>(`/api/stats/recruits${query}`);
  expect(recruits.body.rows).toEqual(EXPECTED.recruits);
  expect(recruits.body.totals).toEqual({ entries: 5, exits: 2 });

  const risk = await c.get<{
    rows: Array<{ number: string; yearsWithoutRecruit: number; lastEntry: string | null; status: string }>;
    byDistrict: unknown;
    total: number;
  }>(`/api/stats/at-risk${query}`);
  const today = todayInChina();
  expect(risk.body.total).toBe(2);
  expect(risk.body.byDistrict).toEqual([{ regionName: district.name, count: 2 }]);
  expect(
    new Map(risk.body.rows.map((r) => [r.number, [r.status, r.lastEntry, r.yearsWithoutRecruit]])),
  ).toEqual(
    new Map([
      [s2.number, ['active', null, 2]],
      [s3.number, ['rectification', '2019-07-01', wholeYears('2019-07-01', today)]],
    ]),
  );
}

async function download(c: ApiClient, path: string): Promise<unknown[][]> {
  const res = await fetch(`${c.baseUrl}${path}`, {
    headers: {
      cookie: [...c.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
      'x-forwarded-for': c.ip,
    },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toContain('.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe('dashboard statistics', () => {
  it('gives a district office exact numbers of its own district', async () => {
    await expectDistrictNumbers(fx.officer.client);
    await expectDistrictNumbers(fx.officer.client, `?regionId=${fx.district.id}`);
  });

  it('gives the municipal office the same numbers for the district, and the district among all', async () => {
    await expectDistrictNumbers(fx.city.client, `?regionId=${fx.district.id}`);
    const all = await fx.city.client.get<{ scope: unknown; rows: Array<{ regionId: number }> }>(
      '/api/stats/stations',
    );
    expect(all.body.scope).toEqual({ regionId: null, regionName: null });
    expect(all.body.rows.find((r) => r.regionId === fx.district.id)).toEqual(
      EXPECTED.stations(fx.district.id, fx.district.name),
    );
    expect(all.body.rows.length).toBeGreaterThanOrEqual(42 - 1);
    const risk = await fx.city.client.get<{ rows: Array<{ number: string }> }>('/api/stats/at-risk');
    expect(risk.body.rows.map((r) => r.number)).toEqual(expect.arrayContaining([fx.s2.number, fx.s3.number]));
  });

  it('never gives a district office another district’s numbers', async () => {
    const other = await buildActor(t, 'district_officer', { regionId: (await buildDistrict(t.db)).id });
    for (const kind of ['stations', 'applications', 'recruits', 'at-risk']) {
      expectError(await other.client.get(`/api/stats/${kind}?regionId=${fx.district.id}`), 403, 'FORBIDDEN');
      expectError(
        await other.client.get(`/api/stats/${kind}/export.xlsx?regionId=${fx.district.id}`),
        403,
        'FORBIDDEN',
      );
    }
    const own = await other.client.get<{ rows: Array<{ total: number; regionId: number }> }>(
      '/api/stats/stations',
    );
    expect(own.body.rows).toEqual([expect.objectContaining({ regionId: other.user.regionId, total: 0 })]);
    for (const kind of ['applications', 'recruits', 'at-risk']) {
      const res = await other.client.get<{ rows: unknown[] }>(`/api/stats/${kind}`);
      expect(res.body.rows).toEqual([]);
    }
  });

  it('is refused to everyone else', async () => {
    for (const role of [
      'unit',
      'individual',
      'expert',
      'national_reviewer',
      'sys_admin',
      'audit_admin',
    ] as const) {
      const { client } = await buildActor(t, role);
      expectError(await client.get('/api/stats/stations'), 403, 'FORBIDDEN');
      expectError(await client.get('/api/stats/at-risk/export.xlsx'), 403, 'FORBIDDEN');
    }
    expectError(await t.client().get('/api/stats/recruits'), 401, 'UNAUTHENTICATED');
    expectError(await t.client().get('/api/stats/recruits/export.xlsx'), 401, 'UNAUTHENTICATED');
    expectError(await fx.city.client.get('/api/stats/stations?regionId=99999999'), 404, 'NOT_FOUND');
  });

  it('exports every table as Excel with the numbers of the JSON', async () => {
    const c = fx.officer.client;
    expect(await download(c, '/api/stats/stations/export.xlsx')).toEqual([
      ['区县', '正常', '整改期', '已注销', '合计'],
      [fx.district.name, 3, 1, 1, 5],
    ]);
    const apps = await download(c, '/api/stats/applications/export.xlsx');
    expect(apps[0]).toEqual([
      '提交月份',
      '待区县审核',
      '退回修改',
      '已推荐待认定',
      '已认定',
      '未通过',
      '已撤回',
      '合计',
    ]);
    expect(apps.slice(1)).toEqual([
      ['2024-12', 0, 0, 0, 0, 0, 1, 1],
      ['2025-01', 1, 0, 0, 0, 0, 0, 1],
      ['2025-02', 0, 0, 0, 1, 0, 0, 1],
      ['2025-03', 0, 1, 0, 0, 1, 0, 2],
    ]);
    const recruits = await download(c, '/api/stats/recruits/export.xlsx');
    expect(recruits[0]).toEqual(['年份', '进站人数', '出站人数', '招收工作站数']);
    expect(recruits.slice(1)).toEqual(EXPECTED.recruits.map((r) => [r.year, r.entries, r.exits, r.stations]));
    const risk = await download(c, '/api/stats/at-risk/export.xlsx');
    expect(risk.length).toBe(3);
    expect(risk.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining([fx.s2.number, fx.s3.number]));
  });
});
