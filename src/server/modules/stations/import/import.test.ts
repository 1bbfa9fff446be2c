import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../../db/index.js';
import { expectError, type ApiClient, type ApiResponse } from '../../../test/client.js';
import { buildActor, buildDistrict, buildUnit, creditCode, uniq } from '../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { auditMark, auditSince, parseJson } from '../../../test/records.js';
import { PDF_BYTES } from '../test-kit.js';
import type { ImportReport } from './commands.js';
import { IMPORT_COLUMNS } from './template.js';

let t: TestApp;
let city: Awaited<ReturnType<typeof buildActor>>;
beforeAll(async () => {
  t = await startTestApp();
  city = await buildActor(t, 'municipal_officer');
});
afterAll(async () => t.close());

const HEADER: string[] = IMPORT_COLUMNS.map((c) => c.header);
type Value = string | number | Date | null;

async function workbook(rows: Value[][], header: string[] = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工作站导入');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function send(
  c: ApiClient,
  data: Buffer,
  fields: Record<string, string> = {},
  filename = '工作站.xlsx',
): Promise<ApiResponse<ImportReport>> {
  if (!c.cookie('bohou_csrf')) await c.get('/api/auth/session');
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(data)]), filename);
  const headers: Record<string, string> = {
    'x-forwarded-for': c.ip,
    'x-csrf-token': c.cookie('bohou_csrf') ?? '',
    cookie: [...c.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
  };
  if (c.lang) headers['accept-language'] = c.lang;
  const res = await fetch(`${c.baseUrl}/api/stations/import`, { method: 'POST', body: form, headers });
  const text = await res.text();
  return {
    status: res.status,
    body: JSON.parse(text) as ImportReport,
    text,
    headers: res.headers,
    setCookies: [],
  };
}

const num = (): string => uniq('IMP').toUpperCase();
const stationsByNumber = (numbers: string[]) =>
  t.db.selectFrom('stations').selectAll().where('number', 'in', numbers).execute();
/** `row:column:code` of every error of the report. */
const errorsOf = (r: ImportReport): string[] =>
  r.rows.flatMap((row) => row.errors.map((e) => `${row.row}:${e.column}:${e.code}`)).sort();

describe('the import template', () => {
  it('is a workbook with the columns, instructions with a sample row, and the district list', async () => {
    const res = await fetch(`${t.baseUrl}/api/stations/import/template.xlsx`, {
      headers: {
        cookie: [...city.client.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
        'x-forwarded-for': city.client.ip,
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['工作站导入', '填写说明', '区县名录']);
    const head = wb.getWorksheet('工作站导入')!.getRow(1).values as unknown[];
    expect(head.slice(1)).toEqual(HEADER);
    const help = wb.getWorksheet('填写说明')!;
    const texts: string[] = [];
    help.eachRow((r) => texts.push((r.values as unknown[]).slice(1).join('|')));
    expect(texts.some((x) => x.includes('CQBH-2019-0012|重庆某某科技有限公司'))).toBe(true);
    const regions: string[] = [];
    wb.getWorksheet('区县名录')!.eachRow((r) => regions.push(String(r.getCell(1).value)));
    expect(regions).toContain('忠县');
    expect(regions).toContain('万盛经开区');
    expect(regions).not.toContain('忠州');

    // The template as downloaded is refused as empty; filled in, it is read.
    const blank = Buffer.from(await wb.xlsx.writeBuffer());
    expectError(await send(city.client, blank), 422, 'IMPORT_EMPTY');
    wb.getWorksheet('工作站导入')!.addRow([
      num(),
      '填好的单位',
      creditCode(),
      '事业单位',
      '渝中区',
      '2022-02-02',
      '否',
    ]);
    const filled = await send(city.client, Buffer.from(await wb.xlsx.writeBuffer()), { dryRun: '1' });
    expect(filled.body).toMatchObject({ total: 1, valid: 1, imported: 0, dryRun: true });
  });

  it('is for the municipal office only', async () => {
    for (const role of ['district_officer', 'unit', 'expert'] as const) {
      const { client } = await buildActor(t, role);
      expectError(await client.get('/api/stations/import/template.xlsx'), 403, 'FORBIDDEN');
      expectError(await send(client, await workbook([])), 403, 'FORBIDDEN');
    }
    expectError(await t.client().get('/api/stations/import/template.xlsx'), 401, 'UNAUTHENTICATED');
    expectError(await send(t.client(), await workbook([])), 401, 'UNAUTHENTICATED');
  });
});

describe('importing stations', () => {
  it('imports a good file: units created or matched by credit code, aliases, dates in any Excel form', async () => {
    const district = await buildDistrict(t.db);
    const existing = await buildUnit(t.db, { region_id: district.id });
    const zhong = await t.db
      .selectFrom('regions')
      .select('id')
      .where('name', '=', '忠县')
      .executeTakeFirstOrThrow();
    const [a, b, c] = [num(), num(), num()];
    // Recent, so a concurrent adjustment run (shared PostgreSQL database) leaves station `a` active.
    const recent = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10);
    const [codeB, codeC] = [creditCode(), creditCode()];
    const mark = await auditMark(t.db);
    const file = await workbook([
      [
        a,
        '改名前的名称',
        existing.credit_code,
        '企业',
        district.name,
        new Date(Date.UTC(2019, 5, 18)),
        '是',
        recent,
      ],
      [b, '重庆忠州科技有限公司', codeB.toLowerCase(), '新型研发机构', '忠州', '2020/5/6', null, null],
      [c, '万盛研究院', codeC, '科研院所', '万盛区', '2021年3月9日', '否', new Date(Date.UTC(2024, 0, 2))],
    ]);
    const res = await send(city.client, file);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      mode: 'all_or_nothing',
      dryRun: false,
      total: 3,
      valid: 3,
      invalid: 0,
      imported: 3,
    });
    expect(res.body.rows.map((r) => [r.row, r.ok, r.number])).toEqual([
      [2, true, a],
      [3, true, b],
      [4, true, c],
    ]);
    const made = new Map(res.body.stations.map((s) => [s.number, s]));
    expect(made.get(a)).toMatchObject({ row: 2, unitId: existing.id, unitCreated: false });
    expect(made.get(b)?.unitCreated).toBe(true);

    const rows = new Map((await stationsByNumber([a, b, c])).map((s) => [s.number, s]));
    expect(rows.get(a)).toMatchObject({
      unit_id: existing.id,
      region_id: district.id,
      status: 'active',
      certified_at: '2019-06-18T00:00:00.000Z',
      national_cultivation: 1,
      count_from: recent,
      application_id: null,
    });
    expect(rows.get(b)).toMatchObject({
      region_id: zhong.id,
      certified_at: '2020-05-06T00:00:00.000Z',
      national_cultivation: 0,
      count_from: null,
    });
    expect(rows.get(c)).toMatchObject({ certified_at: '2021-03-09T00:00:00.000Z', count_from: '2024-01-02' });
    const unitB = await t.db
      .selectFrom('units')
      .selectAll()
      .where('credit_code', '=', codeB)
      .executeTakeFirstOrThrow();
    expect(unitB).toMatchObject({
      name: '重庆忠州科技有限公司',
      unit_type: 'new_rd_institution',
      region_id: zhong.id,
    });

    const detail = await city.client.get<{
      status: string;
      events: Array<{ action: string }>;
      assessment: { reference: string };
    }>(`/api/stations/${made.get(a)!.id}`);
    expect(detail.body.events.map((e) => e.action)).toEqual(['imported']);
    expect(detail.body.assessment.reference).toBe(recent);

    const audit = await auditSince(t.db, mark, { actorIds: [city.user.id] });
    expect(audit.map((r) => r.action)).toEqual([
      'station.imported',
      'station.imported',
      'station.imported',
      'station.import_completed',
    ]);
    expect(parseJson(audit[3]!.after_json)).toMatchObject({
      mode: 'all_or_nothing',
      total: 3,
      imported: 3,
      unitsCreated: 2,
    });
    expect(audit[0]!.region_id).toBe(district.id);
  });

  it('reports every bad cell by row and column; imports nothing, or only the good rows on request', async () => {
    const district = await buildDistrict(t.db);
    const otherDistrict = await buildDistrict(t.db);
    const elsewhere = await buildUnit(t.db, { region_id: otherDistrict.id });
    const withStation = await buildUnit(t.db, { region_id: district.id });
    const taken = num();
    await t.db
      .insertInto('stations')
      .values({
        number: taken,
        unit_id: withStation.id,
        region_id: district.id,
        level: 'municipal',
        national_cultivation: 0,
        status: 'active',
        certified_at: '2020-01-01T00:00:00.000Z',
        created_at: nowIso(),
      })
      .execute();
    const [g1, g2, dup, x] = [num(), num(), num(), num()];
    const d = district.name;
    const file = await workbook([
      [g1, '好单位一', creditCode(), '企业', d, '2019-01-01', '否', null], // row 2
      [dup, '坏代码', '915000001234567890', '企业', d, '2019-01-01', '否', null], // 3
      [dup, '编号重复', creditCode(), '企业', d, '2019-01-01', '否', null], // 4
      [taken, '编号已存在', creditCode(), '企业', d, '2019-01-01', '否', null], // 5
      [num(), '', creditCode(), '公司', '火星区', '2999-01-01', '可能', null], // 6
      [num(), '日期不存在', creditCode(), '企业', d, '2023-02-30', '否', '2018-01-01'], // 7
      [num(), '进站早于认定', creditCode(), '企业', d, '2020-06-01', '否', '2020-05-31'], // 8
      [num(), '其他区县的单位', elsewhere.credit_code, '企业', d, '2020-06-01', '否', null], // 9
      [num(), '已有工作站的单位', withStation.credit_code, '企业', d, '2020-06-01', '否', null], // 10
      [g2, '好单位二', creditCode(), '高等院校', d, '2018-12-31', '是', '2022-01-01'], // 11
      [x, '代码重复', elsewhere.credit_code, '企业', otherDistrict.name, '2020-06-01', '否', null], // 12
    ]);
    const expected = [
      '3:统一社会信用代码:credit_code',
      '4:工作站编号:import_duplicate_in_file',
      '5:工作站编号:station_number_taken',
      '6:单位名称:required',
      '6:单位类型:unit_type',
      '6:区县:import_region',
      '6:认定日期:date_future',
      '6:培育国家级(是/否):yes_no',
      '7:认定日期:date_format',
      '8:最近进站日期:entry_before_certified',
      '9:区县:unit_other_region',
      '10:统一社会信用代码:unit_has_station',
      '12:统一社会信用代码:import_duplicate_in_file',
    ].sort();

    const strict = await send(city.client, file);
    expect(strict.status).toBe(200);
    expect(strict.body).toMatchObject({ total: 11, valid: 2, invalid: 9, imported: 0, stations: [] });
    expect(errorsOf(strict.body)).toEqual(expected);
    const r4 = strict.body.rows.find((r) => r.row === 4)!;
    expect(r4.errors[0]).toMatchObject({ column: '工作站编号', columnLetter: 'A', message: '与第 3 行重复' });
    const r9 = strict.body.rows.find((r) => r.row === 9)!;
    expect(r9.errors[0]!.message).toBe(`该单位已登记在${otherDistrict.name}，与所填区县不一致`);
    expect(
      strict.body.rows.find((r) => r.row === 6)!.errors.find((e) => e.code === 'import_region'),
    ).toMatchObject({
      columnLetter: 'E',
      message: '“火星区”不是区县博管办名录中的区县',
    });
    expect(await stationsByNumber([g1, g2, dup, x])).toEqual([]);

    const dry = await send(city.client, file, { mode: 'good_rows', dryRun: '1' });
    expect(dry.body).toMatchObject({ mode: 'good_rows', dryRun: true, valid: 2, imported: 0 });
    expect(await stationsByNumber([g1, g2])).toEqual([]);

    const cityEn = await buildActor(t, 'municipal_officer');
    const enClient = t.client({ lang: 'en' });
    await enClient.post('/api/auth/login', {
      username: cityEn.user.username,
      password: cityEn.user.password,
    });
    const en = await send(enClient, file, { dryRun: '1' });
    expect(en.body.rows.find((r) => r.row === 4)!.errors[0]!.message).toBe('Same as in row 3');

    const lenient = await send(city.client, file, { mode: 'good_rows' });
    expect(lenient.body).toMatchObject({ mode: 'good_rows', imported: 2, invalid: 9 });
    expect(errorsOf(lenient.body)).toEqual(expected);
    expect((await stationsByNumber([g1, g2, dup, x])).map((s) => s.number).sort()).toEqual([g1, g2].sort());
    // The same file again: the good rows now exist, so nothing is imported twice.
    const again = await send(city.client, file, { mode: 'good_rows' });
    expect(again.body.imported).toBe(0);
    expect(errorsOf(again.body)).toContain('2:工作站编号:station_number_taken');
  });

  it('refuses a file whose columns are not the template’s, naming them', async () => {
    const header = HEADER.filter((h) => h !== '区县').concat('备注');
    const res = await send(city.client, await workbook([[num()]], header));
    const body = expectError(res, 422, 'IMPORT_COLUMNS', ['区县:column_missing', '备注:column_unknown']);
    expect(body.error.message).toContain('区县');
    expect(body.error.message).toContain('备注');
    // Full-width brackets and stray spaces in a header are the same column.
    const loose = HEADER.map((h) => h.replace('(是/否)', '（是/否）').replace('区县', ' 区县 '));
    const ok = await send(
      city.client,
      await workbook([[num(), '单位', creditCode(), '企业', '忠县', '2020-01-01', '否', null]], loose),
      {
        dryRun: '1',
      },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.valid).toBe(1);
  });

  it('refuses what is not an .xlsx file, an empty sheet and a missing file', async () => {
    expectError(await send(city.client, PDF_BYTES, {}, 'stations.xlsx'), 415, 'IMPORT_NOT_XLSX');
    expectError(
      await send(city.client, Buffer.from('PK\u0003\u0004 not a workbook')),
      415,
      'IMPORT_NOT_XLSX',
    );
    expectError(
      await send(city.client, Buffer.from('工作站编号,单位名称\n1,2\n'), {}, 'a.csv'),
      415,
      'IMPORT_NOT_XLSX',
    );
    expectError(await send(city.client, await workbook([])), 422, 'IMPORT_EMPTY');
    expectError(await send(city.client, await workbook([[null, '']])), 422, 'IMPORT_EMPTY');
    expectError(await send(city.client, await workbook([]), { mode: 'some' }), 400, 'VALIDATION_FAILED', [
      'mode:invalid_value',
    ]);
    expectError(await city.client.post('/api/stations/import', {}), 400, 'VALIDATION_FAILED', [
      'file:required',
    ]);
  });
});
