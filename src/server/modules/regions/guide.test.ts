import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor, buildDistrict } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { auditMark, auditSince, parseJson } from '../../test/records.js';
import { GUIDE_SECTIONS } from './guide.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

interface RegionView {
  id: number;
  name: string;
  phone: string;
  kind: string;
  guide: Record<string, string | null>;
  sections: Array<{ key: string; label: string }>;
  actions: string[];
}

const guide = (over: Record<string, string> = {}) => ({
  talentCard: '凭重庆英才服务卡可享受绿色通道服务。',
  schooling: '博士后子女可就近入学。',
  healthCare: '每年免费体检一次。',
  housing: '提供人才公寓。',
  spouseEmployment: '协助配偶就业。',
  transport: '地铁直达。',
  academicExchange: '每季度举办学术沙龙。',
  ...over,
});

describe('district service guides', () => {
  it('shows an office with an empty guide to anyone, and the guide once its district office saves it', async () => {
    const district = await buildDistrict(t.db);
    const anon = await t.client().get<RegionView>(`/api/regions/${district.id}`);
    expect(anon.status).toBe(200);
    expect(anon.body).toMatchObject({
      id: district.id,
      name: district.name,
      phone: district.phone,
      kind: 'district',
    });
    expect(anon.body.guide).toEqual({
      ...Object.fromEntries(GUIDE_SECTIONS.map((k) => [k, ''])),
      updatedAt: null,
    });
    expect(anon.body.sections.map((s) => s.key)).toEqual([...GUIDE_SECTIONS]);
    expect(anon.body.sections[0]!.label).toBe('人才服务卡');
    expect(anon.body.actions).toEqual([]);

    const officer = await buildActor(t, 'district_officer', { regionId: district.id });
    expect((await officer.client.get<RegionView>(`/api/regions/${district.id}`)).body.actions).toEqual([
      'update_guide',
    ]);
    const mark = await auditMark(t.db);
    const saved = await officer.client.put<RegionView>(`/api/regions/${district.id}/guide`, {
      ...guide({ housing: '  提供人才公寓。  ' }),
      updatedAt: null,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.guide).toMatchObject(guide());
    expect(saved.body.guide.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const pub = await t.client().get<RegionView>(`/api/regions/${district.id}`);
    expect(pub.body.guide).toEqual(saved.body.guide);

    const audit = await auditSince(t.db, mark, { actorIds: [officer.user.id] });
    expect(audit.map((a) => [a.action, a.entity_type, a.entity_id, a.region_id])).toEqual([
      ['region.guide_updated', 'region', String(district.id), district.id],
    ]);
    expect(parseJson(audit[0]!.after_json)).toMatchObject({
      housing: '提供人才公寓。',
      transport: '地铁直达。',
    });

    // An edit based on an older version is refused; one based on the current version goes through.
    expectError(
      await officer.client.put(`/api/regions/${district.id}/guide`, {
        ...guide({ transport: '公交' }),
        updatedAt: null,
      }),
      409,
      'CONFLICT',
    );
    const city = await buildActor(t, 'municipal_officer');
    const byCity = await city.client.put<RegionView>(`/api/regions/${district.id}/guide`, {
      ...guide({ transport: '轻轨 2 号线' }),
      updatedAt: saved.body.guide.updatedAt!,
    });
    expect(byCity.status).toBe(200);
    expect(byCity.body.guide.transport).toBe('轻轨 2 号线');
    const audit2 = (await auditSince(t.db, mark, { actorIds: [city.user.id] })).filter(
      (a) => a.action === 'region.guide_updated',
    );
    expect(audit2.map((a) => parseJson(a.before_json))).toEqual([{ transport: '地铁直达。' }]);
  });

  it('is edited only by that district office or the municipal office', async () => {
    const district = await buildDistrict(t.db);
    const url = `/api/regions/${district.id}/guide`;
    const other = await buildActor(t, 'district_officer');
    expectError(await other.client.put(url, guide()), 403, 'FORBIDDEN');
    for (const role of ['unit', 'individual', 'expert', 'sys_admin'] as const) {
      const { client } = await buildActor(t, role);
      expectError(await client.put(url, guide()), 403, 'FORBIDDEN');
    }
    expectError(await t.client().put(url, guide()), 401, 'UNAUTHENTICATED');
    const unchanged = await t.client().get<RegionView>(`/api/regions/${district.id}`);
    expect(unchanged.body.guide.updatedAt).toBeNull();
  });

  it('checks every section and the ids', async () => {
    const district = await buildDistrict(t.db);
    const officer = await buildActor(t, 'district_officer', { regionId: district.id });
    const url = `/api/regions/${district.id}/guide`;
    const { transport: _t, ...missing } = guide();
    expectError(
      await officer.client.put(url, { ...missing, housing: 'x'.repeat(2001), extra: '1' }),
      400,
      'VALIDATION_FAILED',
      ['housing:too_long', 'transport:required', ':unrecognized_keys'],
    );
    expect((await officer.client.put(url, guide({ housing: '房'.repeat(2000) }))).status).toBe(200);
    expectError(await t.client().get('/api/regions/99999999'), 404, 'NOT_FOUND');
    expectError(await officer.client.put('/api/regions/99999999/guide', guide()), 404, 'NOT_FOUND');
    expectError(await t.client().get('/api/regions/abc'), 400, 'VALIDATION_FAILED', ['id:invalid_type']);
  });
});
