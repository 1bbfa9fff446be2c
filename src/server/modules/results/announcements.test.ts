import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor, buildDistrict } from '../../test/factories.js';
import { drainUntil, startTestApp, type TestApp } from '../../test/harness.js';
import { todayInChina } from '../../../shared/roles.js';
import { auditCount } from '../taking/test-kit.js';
import {
  act,
  announcementInput,
  download,
  draft,
  snapshot,
  teamMatch,
  type AnnouncementView,
  type CompiledItem,
} from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const TITLE = '高能量密度锂电池正极材料技术攻关';
const compileUrl = (from = `${todayInChina().slice(0, 4)}-01-01`, to = todayInChina()) =>
  `/api/results/compile?from=${from}&to=${to}`;

async function compiledIds(c: Parameters<typeof draft>[0]): Promise<number[]> {
  const res = await c.get<{ items: CompiledItem[] }>(compileUrl());
  expect(res.status).toBe(200);
  return res.body.items.map((i) => i.solutionId);
}

describe('results announcements (揭榜成果公告)', () => {
  it('compiles the matches of the period, drafts, edits, publishes to the public, tells the parties, withdraws', async () => {
    const cast = await teamMatch(t);
    const officer = await buildActor(t, 'district_officer', { regionId: cast.district.id });
    const city = cast.city.client;

    const compiled = await city.get<{ items: CompiledItem[] }>(compileUrl());
    const item = compiled.body.items.find((i) => i.solutionId === cast.solutionId);
    expect(item).toMatchObject({
      needTitle: TITLE,
      takerName: '电池攻关团队（负责人：团队负责人）',
      matchedOn: todayInChina(),
    });
    expect(item!.summary.length).toBeGreaterThan(0);
    // A period that ends before the match does not have it.
    const old = await city.get<{ items: CompiledItem[] }>(compileUrl('2020-01-01', '2020-12-31'));
    expect(old.body.items.map((i) => i.solutionId)).not.toContain(cast.solutionId);

    const a = await draft(city, [cast.solutionId]);
    expect(a).toMatchObject({ state: 'draft', revision: 1, actions: ['view', 'edit', 'publish', 'export'] });
    expect(a.items).toEqual([
      expect.objectContaining({
        solutionId: cast.solutionId,
        needTitle: TITLE,
        domain: 'new_energy',
        takerName: '电池攻关团队（负责人：团队负责人）',
      }),
    ]);

    const edited = await city.put<AnnouncementView>(`/api/results/announcements/${a.id}`, {
      ...announcementInput([cast.solutionId]),
      title: '第一期揭榜成果公告',
      items: [{ solutionId: cast.solutionId, summary: '完成高镍正极材料的小试验证。' }],
      revision: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '第一期揭榜成果公告', revision: 2 });
    expect(edited.body.items[0]!.summary).toBe('完成高镍正极材料的小试验证。');
    // A stale revision changes nothing.
    const before = await snapshot(t, a.id);
    expectError(
      await city.put(`/api/results/announcements/${a.id}`, { ...announcementInput([]), revision: 1 }),
      409,
      'REVISION_CONFLICT',
    );
    expect(await snapshot(t, a.id)).toBe(before);

    // The district office of a party reads the draft; the public does not see it.
    const seen = await officer.client.get<AnnouncementView>(`/api/results/announcements/${a.id}`);
    expect(seen.body.actions).toEqual(['view', 'export']);
    expectError(await t.client().get(`/api/public/results/${a.id}`), 404, 'NOT_FOUND');

    const published = await act(city, a.id, 'publish');
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ state: 'published', actions: ['view', 'withdraw', 'export'] });
    expect(await compiledIds(city)).not.toContain(cast.solutionId);

    // Public: in the list and the detail, public facts only.
    const list = await t
      .client()
      .get<{ items: Array<{ id: number; itemCount: number }> }>('/api/public/results?pageSize=50');
    expect(list.body.items.find((x) => x.id === a.id)).toMatchObject({ itemCount: 1 });
    const pub = await t.client().get<AnnouncementView>(`/api/public/results/${a.id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.items[0]).toEqual({
      id: expect.any(Number),
      challengeId: cast.tech.id,
      needTitle: TITLE,
      domain: 'new_energy',
      posterName: expect.any(String),
      takerName: '电池攻关团队（负责人：团队负责人）',
      matchedOn: todayInChina(),
      summary: '完成高镍正极材料的小试验证。',
    });
    for (const secret of ['赵工', '023-61234567', 'zhao@example.org', 'confidential'])
      expect(pub.text).not.toContain(secret);
    // Signed-in parties read it too.
    expect((await cast.member.client.get(`/api/results/announcements/${a.id}`)).status).toBe(200);

    // The parties named are told: the poster's unit, the leader, the confirmed member; not the one who declined.
    await drainUntil(t, async () => {
      const rows = await t.db
        .selectFrom('notifications')
        .select('user_id')
        .where('title', 'like', '%第一期揭榜成果公告%')
        .execute();
      const ids = rows.map((r) => r.user_id);
      return [cast.unit.user.id, cast.leader.user.id, cast.member.user.id].every((id) => ids.includes(id));
    });
    const declinerNotes = await t.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', cast.decliner.user.id)
      .where('title', 'like', '%第一期揭榜成果公告%')
      .execute();
    expect(declinerNotes).toHaveLength(0);

    // Exports: Excel (zh and en headers) and the PDF, by the office and by the public.
    const xlsx = await download(city, `/api/results/announcements/${a.id}/export.xlsx`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('需求名称');
    expect(ws.getRow(2).getCell(2).value).toBe(TITLE);
    expect(ws.getRow(2).getCell(3).value).toBe('新能源（新能源汽车）');
    const en = await fetch(`${t.baseUrl}/api/results/announcements/${a.id}/export.xlsx`, {
      headers: {
        'x-forwarded-for': city.ip,
        'accept-language': 'en',
        cookie: [...city.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
      },
    });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(await en.arrayBuffer());
    expect(wbEn.worksheets[0]!.getRow(1).getCell(2).value).toBe('Need');
    for (const path of [`/api/results/announcements/${a.id}/pdf`, `/api/public/results/${a.id}/pdf`]) {
      const pdf = await download(path.startsWith('/api/public') ? t.client() : city, path);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      expect(pdf.data.subarray(0, 5).toString()).toBe('%PDF-');
    }

    // Published: no more edits (409, nothing changed); withdrawing needs a reason.
    const published1 = await snapshot(t, a.id);
    expectError(
      await city.put(`/api/results/announcements/${a.id}`, { ...announcementInput([]), revision: 3 }),
      409,
      'STATE_CONFLICT',
    );
    expectError(await act(city, a.id, 'withdraw'), 422, 'OPINION_REQUIRED', ['opinion:required']);
    expect(await snapshot(t, a.id)).toBe(published1);
    const withdrawn = await act(city, a.id, 'withdraw', '项目信息有误，需更正后重新公告');
    expect(withdrawn.body).toMatchObject({
      state: 'withdrawn',
      withdrawReason: '项目信息有误，需更正后重新公告',
      actions: ['view', 'export'],
    });
    expectError(await t.client().get(`/api/public/results/${a.id}`), 404, 'NOT_FOUND');
    expect(await compiledIds(city)).toContain(cast.solutionId);
    // created, edited, published, withdrawn.
    expect(await auditCount(t, 'results_announcement', a.id)).toBe(4);
  });

  it('publishing twice at once: one succeeds, the other is a conflict; once published, again is a conflict', async () => {
    const cast = await teamMatch(t);
    const a = await draft(cast.city.client, [cast.solutionId]);
    const [r1, r2] = await Promise.all([
      act(cast.city.client, a.id, 'publish'),
      act(cast.city.client, a.id, 'publish'),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    expectError(
      [r1, r2].find((r) => r.status === 409)!,
      409,
      'STATE_CONFLICT',
    );
    expectError(await act(cast.city.client, a.id, 'publish'), 409, 'STATE_CONFLICT');
    expect(await auditCount(t, 'results_announcement', a.id)).toBe(2);
    // A second draft naming the same match cannot be published while the first stands.
    const b = await draft(cast.city.client, [cast.solutionId]);
    const before = await snapshot(t, b.id);
    expectError(await act(cast.city.client, b.id, 'publish'), 400, 'VALIDATION_FAILED', [
      'items.0.solutionId:item_published',
    ]);
    expect(await snapshot(t, b.id)).toBe(before);
  });

  it('refuses wrong roles, other districts, anonymous callers and bad input, changing nothing', async () => {
    const cast = await teamMatch(t);
    const a = await draft(cast.city.client, [cast.solutionId]);
    const before = await snapshot(t, a.id);
    const count = async () => (await t.db.selectFrom('results_announcements').select('id').execute()).length;
    const n = await count();
    const officer = await buildActor(t, 'district_officer', { regionId: cast.district.id });
    const otherOfficer = await buildActor(t, 'district_officer', {
      regionId: (await buildDistrict(t.db)).id,
    });
    const body = announcementInput([cast.solutionId]);

    // Creating: only the municipal office.
    for (const c of [officer.client, cast.unit.client, cast.leader.client])
      expectError(await c.post('/api/results/announcements', body), 403, 'FORBIDDEN');
    expectError(await t.client().post('/api/results/announcements', body), 401, 'UNAUTHENTICATED');
    expectError(await officer.client.get(compileUrl()), 403, 'FORBIDDEN');
    // Bad input: field errors.
    expectError(
      await cast.city.client.post('/api/results/announcements', {
        title: '',
        periodFrom: '2026-13-01',
        periodTo: '2026-01-01',
        items: [{ solutionId: 999999 }],
      }),
      400,
      'VALIDATION_FAILED',
      ['title:required', 'periodFrom:date_format'],
    );
    expectError(
      await cast.city.client.post('/api/results/announcements', {
        ...body,
        periodFrom: '2026-03-01',
        periodTo: '2026-02-01',
      }),
      400,
      'VALIDATION_FAILED',
      ['periodTo:period_order'],
    );
    expectError(
      await cast.city.client.post('/api/results/announcements', announcementInput([cast.solutionId, 999999])),
      400,
      'VALIDATION_FAILED',
      ['items.1.solutionId:not_matched'],
    );
    expect(await count()).toBe(n);

    // The draft: the district office of a party reads but does not act; another district, a party, an
    // outsider: 404; anonymous: 401.
    const url = `/api/results/announcements/${a.id}`;
    expectError(await officer.client.put(url, { ...body, revision: 1 }), 403, 'FORBIDDEN');
    expectError(await act(officer.client, a.id, 'publish'), 403, 'FORBIDDEN');
    for (const c of [otherOfficer.client, cast.leader.client, cast.other.client, cast.nation.client]) {
      expectError(await c.get(url), 404, 'NOT_FOUND');
      expectError(await act(c, a.id, 'publish'), 404, 'NOT_FOUND');
    }
    expectError(await t.client().get(url), 401, 'UNAUTHENTICATED');
    expectError(await act(t.client(), a.id, 'publish'), 401, 'UNAUTHENTICATED');
    expectError(await act(cast.city.client, a.id, 'withdraw', '理由'), 409, 'STATE_CONFLICT');
    // Another district's list does not name it.
    const other = await otherOfficer.client.get<{ items: Array<{ id: number }> }>(
      '/api/results/announcements',
    );
    expect(other.body.items.map((x) => x.id)).not.toContain(a.id);
    const own = await officer.client.get<{ items: Array<{ id: number }> }>('/api/results/announcements');
    expect(own.body.items.map((x) => x.id)).toContain(a.id);
    expect(await snapshot(t, a.id)).toBe(before);
    expect(await auditCount(t, 'results_announcement', a.id)).toBe(1);
  });
});
