import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

interface Region {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  phone: string;
  kind: 'municipal' | 'district';
}
type List = { items: Region[] };

let t: TestApp;
// A database of its own: other files add test districts to the shared one.
beforeAll(async () => {
  t = await startTestApp({ isolated: true });
});
afterAll(async () => {
  await t.close();
});

const list = async (query = ''): Promise<Region[]> => {
  const res = await t.client().get<List>(`/api/regions${query}`);
  expect(res.status).toBe(200);
  return res.body.items;
};

describe('GET /api/regions (public)', () => {
  it('lists the municipal office and the 41 district offices of seed 000, in order', async () => {
    const items = await list();
    expect(items).toHaveLength(42);
    expect(items.filter((r) => r.kind === 'municipal')).toEqual([
      expect.objectContaining({ code: 'CQ', phone: '88152120', name: '重庆市博士后工作办公室（市博管办）' }),
    ]);
    const districts = items.filter((r) => r.kind === 'district');
    expect(districts).toHaveLength(41);
    expect(districts.map((r) => r.code)).toEqual(
      Array.from({ length: 41 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`),
    );
    expect(items[0]?.kind).toBe('municipal');
    expect(districts[0]).toMatchObject({ name: '万州区', phone: '58221792' });
    for (const r of items) {
      expect(r.phone).toMatch(/^\d{8}$/);
      expect(r.nameEn.length).toBeGreaterThan(0);
    }
    expect(new Set(items.map((r) => r.name)).size).toBe(42);
  });

  it('has the corrected names: 忠县, 万盛经开区, 西部科学城重庆高新区; no 忠州', async () => {
    const names = (await list()).map((r) => r.name);
    expect(names).toContain('忠县');
    expect(names).toContain('万盛经开区');
    expect(names).toContain('西部科学城重庆高新区');
    expect(names.filter((n) => n.includes('忠州'))).toEqual([]);
    expect(names).not.toContain('万盛区');
    expect(names).not.toContain('西部科学城');
    expect(names).not.toContain('重庆高新区');
  });

  it('searches by Chinese name, English name and phone', async () => {
    expect((await list(`?q=${encodeURIComponent('忠')}`)).map((r) => r.name)).toEqual(['忠县']);
    expect((await list(`?q=${encodeURIComponent('万盛')}`)).map((r) => r.name)).toEqual(['万盛经开区']);
    expect((await list('?q=zhong%20county')).map((r) => r.name)).toEqual(['忠县']);
    expect((await list('?q=54236639')).map((r) => r.name)).toEqual(['忠县']);
    expect((await list('?q=88152120')).map((r) => r.code)).toEqual(['CQ']);
    expect((await list('?q=6868')).map((r) => r.name)).toEqual(['西部科学城重庆高新区']);
    expect(await list(`?q=${encodeURIComponent('忠州')}`)).toEqual([]);
  });

  it('treats % and _ in the search text literally', async () => {
    expect(await list('?q=%25')).toEqual([]);
    expect(await list('?q=_')).toEqual([]);
  });

  it('filters by kind', async () => {
    expect(await list('?kind=municipal')).toHaveLength(1);
    expect(await list('?kind=district')).toHaveLength(41);
    expect(
      (await list(`?kind=district&q=${encodeURIComponent('县')}`)).every((r) => r.kind === 'district'),
    ).toBe(true);
  });

  it('refuses bad query parameters, naming them', async () => {
    expectError(await t.client().get('/api/regions?kind=province'), 400, 'VALIDATION_FAILED', [
      'kind:invalid_value',
    ]);
    expectError(await t.client().get(`/api/regions?q=${'x'.repeat(51)}`), 400, 'VALIDATION_FAILED', [
      'q:too_long',
    ]);
  });
});
