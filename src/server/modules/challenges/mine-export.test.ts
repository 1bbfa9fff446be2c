import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, type ApiClient } from '../../test/client.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { act, challengeCast, published, submitted, techInput, transferInput } from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

async function download(c: ApiClient, path: string, lang?: string): Promise<unknown[][]> {
  const res = await fetch(`${c.baseUrl}${path}`, {
    headers: {
      cookie: [...c.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
      'x-forwarded-for': c.ip,
      ...(lang ? { 'accept-language': lang } : {}),
    },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  expect(res.headers.get('content-disposition')).toContain('.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe('GET /api/challenges/mine/export.xlsx', () => {
  it('exports exactly the poster’s own postings with the /mine filters, all rows, in Chinese or English', async () => {
    const cast = await challengeCast(t);
    const r = cast.district.id;
    const draft = await cast.unit.client.post<{ id: number }>(
      '/api/challenges',
      techInput(r, { title: '草稿需求甲' }),
    );
    expect(draft.status).toBe(201);
    const sub = await submitted(cast.unit.client, techInput(r, { title: '已提交需求乙' }));
    const pub = await published(cast, cast.unit.client, techInput(r, { title: '已发布需求丙' }));
    expect((await act(cast.unit.client, pub.id, 'close', { opinion: '已找到合作方' })).status).toBe(200);
    // Someone else's postings never appear.
    await cast.other.client.post('/api/challenges', techInput(r, { title: '他人需求丁' }));
    await submitted(cast.postdoc.client, transferInput(r, { title: '博士后成果戊' }));

    const all = await download(cast.unit.client, '/api/challenges/mine/export.xlsx');
    expect(all[0]).toEqual([
      '编号',
      '类别',
      '标题',
      '领域',
      '区县',
      '金额（万元）',
      '截止日期',
      '状态',
      '浏览',
      '报名',
      '更新时间',
      '最近意见',
    ]);
    const titles = all.slice(1).map((row) => row[2]);
    expect(titles.sort()).toEqual(['已发布需求丙', '已提交需求乙', '草稿需求甲'].sort());
    const closed = all.find((row) => row[2] === '已发布需求丙')!;
    expect(closed[1]).toBe('技术攻关需求');
    expect(closed[3]).toBe('新能源（新能源汽车）');
    expect(closed[7]).toBe('已关闭');
    expect(closed[11]).toBe('已找到合作方');

    // Same filters as /mine; the export is not paged.
    const onlySubmitted = await download(
      cast.unit.client,
      '/api/challenges/mine/export.xlsx?state=submitted',
    );
    expect(onlySubmitted.slice(1).map((row) => row[0])).toEqual([sub.id]);
    const list = await cast.unit.client.get<{ items: Array<{ id: number }>; total: number }>(
      '/api/challenges/mine?state=submitted',
    );
    expect(list.body.items.map((i) => i.id)).toEqual([sub.id]);
    const paged = await download(cast.unit.client, '/api/challenges/mine/export.xlsx?pageSize=1&page=2');
    expect(paged.length - 1).toBe(3);
    const noTransfer = await download(cast.unit.client, '/api/challenges/mine/export.xlsx?kind=transfer');
    expect(noTransfer.length).toBe(1);

    // English, by the lang parameter (a download link) or by Accept-Language.
    const en = await download(cast.postdoc.client, '/api/challenges/mine/export.xlsx?lang=en');
    expect(en[0]![0]).toBe('No.');
    expect(en.slice(1).map((row) => [row[1], row[2], row[7]])).toEqual([
      ['Commercialisation need', '博士后成果戊', 'Awaiting municipal review'],
    ]);
    const en2 = await download(cast.postdoc.client, '/api/challenges/mine/export.xlsx', 'en');
    expect(en2[0]![2]).toBe('Title');
  });

  it('refuses anonymous callers, reviewers and bad filters', async () => {
    const cast = await challengeCast(t);
    expectError(await t.client().get('/api/challenges/mine/export.xlsx'), 401, 'UNAUTHENTICATED');
    expectError(await cast.city.client.get('/api/challenges/mine/export.xlsx'), 403, 'FORBIDDEN');
    expectError(await cast.nation.client.get('/api/challenges/mine/export.xlsx'), 403, 'FORBIDDEN');
    expectError(
      await cast.unit.client.get('/api/challenges/mine/export.xlsx?state=nonsense'),
      400,
      'VALIDATION_FAILED',
    );
  });
});
