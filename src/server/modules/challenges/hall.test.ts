import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { act, challengeCast, inDays, published, techInput, transferInput } from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

interface Hall {
  items: Array<{
    id: number;
    title: string;
    status: string;
    budgetWan: number;
    deadline: string;
    titleParts: Array<{ text: string; hit: boolean }>;
    snippetParts: Array<{ text: string; hit: boolean }>;
  }>;
  total: number;
  nextCursor: string | null;
  sort: string;
}

/** All pages of a hall query, following the cursor. */
async function allPages(path: string): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const res: { status: number; body: Hall } = await t
      .client()
      .get<Hall>(`${path}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((x) => x.id));
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

describe('public hall', () => {
  it('filters, sorts and pages by keyset without gaps or repeats; search highlights and survives hostile input', async () => {
    const cast = await challengeCast(t);
    const r = cast.district.id;
    const a = await published(
      cast,
      cast.unit.client,
      techInput(r, {
        title: '柑橘黄龙病防控技术',
        budgetWan: 100,
        deadline: inDays(10),
        domain: 'agriculture_food',
        problem: '柑橘园黄龙病蔓延。',
      }),
    );
    const b = await published(
      cast,
      cast.unit.client,
      techInput(r, { title: '锂电池回收利用', budgetWan: 900, deadline: inDays(30) }),
    );
    const c = await published(
      cast,
      cast.postdoc.client,
      transferInput(r, { budgetWan: 500, deadline: inDays(20) }),
    );
    const d = await published(
      cast,
      cast.unit.client,
      techInput(r, {
        title: '柑桔保鲜冷链',
        budgetWan: 50,
        deadline: inDays(40),
        domain: 'agriculture_food',
        problem: '采后柑桔腐烂率高。',
      }),
    );
    await act(cast.unit.client, d.id, 'close');
    // A draft never shows.
    await cast.unit.client.post('/api/challenges', techInput(r, { title: '柑橘草稿' }));

    const base = `/api/hall/challenges?regionId=${r}`;
    expect(await allPages(`${base}&sort=date`)).toEqual([d.id, c.id, b.id, a.id]);
    expect(await allPages(`${base}&sort=budget`)).toEqual([b.id, c.id, a.id, d.id]);
    expect(await allPages(`${base}&sort=deadline`)).toEqual([a.id, c.id, b.id, d.id]);
    expect(await allPages(`${base}&kind=transfer`)).toEqual([c.id]);
    expect(await allPages(`${base}&domain=agriculture_food`)).toEqual([d.id, a.id]);
    expect(await allPages(`${base}&status=closed`)).toEqual([d.id]);
    expect(await allPages(`${base}&status=open&sort=budget`)).toEqual([b.id, c.id, a.id]);
    expect(await allPages(`${base}&status=matched`)).toEqual([]);

    // The seeded dictionary (migration 006) knows 柑橘 = 柑桔 and 中药材 ⊃ 百蕊草: the office removes
    // those entries, and the search follows at once.
    const city = cast.city.client;
    const seeded = await city.get<{ items: Array<{ id: number; term: string }> }>('/api/challenge-terms');
    for (const e of seeded.body.items.filter((i) => i.term === '柑橘' || i.term === '中药材'))
      expect((await city.request('DELETE', `/api/challenge-terms/${e.id}`)).status).toBe(204);

    // Two-character query, its synonym only after the dictionary knows it.
    const q1 = await t.client().get<Hall>(`${base}&q=${encodeURIComponent('柑橘')}`);
    expect(q1.body.items.map((x) => x.id)).toEqual([a.id]);
    expect(q1.body.items[0]!.titleParts).toEqual([
      { text: '柑橘', hit: true },
      { text: '黄龙病防控技术', hit: false },
    ]);
    const term = await city.post<{ id: number }>('/api/challenge-terms', {
      term: '柑橘',
      synonyms: ['柑桔'],
    });
    expect(term.status).toBe(201);
    const q2 = await t.client().get<Hall>(`${base}&q=${encodeURIComponent('柑橘')}&sort=date`);
    expect(q2.body.items.map((x) => x.id)).toEqual([d.id, a.id]);
    expect(q2.body.items[0]!.titleParts[0]).toEqual({ text: '柑桔', hit: true });
    expect((await t.client().get<Hall>(`${base}&q=${encodeURIComponent('柑桔')}`)).body.total).toBe(2);
    // Narrower terms: 中药材 finds 百蕊草. A longer query is cut into words (柑橘 | 黄龙病): a need with
    // every word ranks before one with only some (柑桔保鲜冷链, by the synonym).
    expect((await t.client().get<Hall>(`${base}&q=${encodeURIComponent('中药材')}`)).body.total).toBe(0);
    await city.post('/api/challenge-terms', { term: '中药材', narrower: ['百蕊草'] });
    expect(
      (await t.client().get<Hall>(`${base}&q=${encodeURIComponent('中药材')}`)).body.items.map((x) => x.id),
    ).toEqual([c.id]);
    expect(
      (await t.client().get<Hall>(`${base}&q=${encodeURIComponent('柑橘黄龙病')}`)).body.items.map(
        (x) => x.id,
      ),
    ).toEqual([a.id, d.id]);
    // A search pages through its matches in any sort; later pages carry the first page's total.
    const sq = `${base}&q=${encodeURIComponent('柑橘')}`;
    expect(await allPages(`${sq}&sort=date`)).toEqual([d.id, a.id]);
    expect(await allPages(`${sq}&sort=deadline`)).toEqual([a.id, d.id]);
    expect(await allPages(`${sq}&sort=budget`)).toEqual([a.id, d.id]);
    const p1 = await t.client().get<Hall & { ranked: number }>(`${sq}&limit=1`);
    expect(p1.body).toMatchObject({ total: 2, ranked: 2, sort: 'relevance' });
    const p2 = await t.client().get<Hall>(`${sq}&limit=1&cursor=${encodeURIComponent(p1.body.nextCursor!)}`);
    expect(p2.body.total).toBe(2);
    expect(p2.body.nextCursor).toBeNull();
    const onePage = (await t.client().get<Hall>(sq)).body.items.map((x) => x.id);
    expect(onePage).toHaveLength(2);
    expect([...p1.body.items, ...p2.body.items].map((x) => x.id)).toEqual(onePage);
    // Three words ask for at least two of them: the synonym alone (柑桔保鲜冷链) no longer matches.
    expect(
      (await t.client().get<Hall>(`${base}&q=${encodeURIComponent('柑橘黄龙病防控')}`)).body.items.map(
        (x) => x.id,
      ),
    ).toEqual([a.id]);
    // One character, and two terms (AND).
    expect(
      (await t.client().get<Hall>(`${base}&q=${encodeURIComponent('锂')}`)).body.items.map((x) => x.id),
    ).toContain(b.id);
    expect(
      (await t.client().get<Hall>(`${base}&q=${encodeURIComponent('锂电池 回收')}`)).body.items.map(
        (x) => x.id,
      ),
    ).toEqual([b.id]);
    expect((await t.client().get<Hall>(`${base}&q=${encodeURIComponent('锂电池 柑橘')}`)).body.total).toBe(0);
    // Confidential text is never indexed.
    expect((await t.client().get<Hall>(`${base}&q=${encodeURIComponent('某某路')}`)).body.total).toBe(0);

    for (const hostile of [
      '"',
      '柑橘"',
      'OR',
      '柑橘 OR',
      '*',
      '柑*',
      'col:x',
      'title:柑橘',
      'NEAR(a b)',
      "'; drop table challenges; --",
      '\\',
      '((',
      '-',
      'a AND',
      '%_',
    ]) {
      const res = await t.client().get<Hall>(`${base}&q=${encodeURIComponent(hostile)}`);
      expect(res.status, hostile).toBe(200);
    }
    const titleQ = await t.client().get<Hall>(`${base}&q=${encodeURIComponent('title:柑橘')}`);
    expect(titleQ.body.total).toBe(0);
    const long = await t.client().get(`${base}&q=${'a'.repeat(10_000)}`);
    expectError(long, 400, 'VALIDATION_FAILED', ['q:too_long']);
    const longCjk = await t.client().get(`${base}&q=${encodeURIComponent('锂'.repeat(10_000))}`);
    expect(longCjk.status).toBeGreaterThanOrEqual(400);
    expect(longCjk.status).toBeLessThan(500);
    expectError(await t.client().get(`${base}&cursor=garbage`), 400, 'VALIDATION_FAILED', [
      'cursor:bad_cursor',
    ]);
    expectError(await t.client().get(`${base}&domain=astrology`), 400, 'VALIDATION_FAILED');
    expect(
      await t.db.selectFrom('challenges').select('id').where('id', '=', a.id).executeTakeFirst(),
    ).toBeTruthy();
  });

  it('lets only the municipal office edit the dictionary', async () => {
    const { client: unit } = await buildActor(t, 'unit');
    expectError(
      await unit.post('/api/challenge-terms', { term: '锂电', narrower: ['锂电池'] }),
      403,
      'FORBIDDEN',
    );
    const { client: city } = await buildActor(t, 'municipal_officer');
    const word = `词${Date.now()}`;
    const made = await city.post<{ id: number }>('/api/challenge-terms', {
      term: word,
      narrower: ['锂电池'],
    });
    expect(made.status).toBe(201);
    expectError(await city.post('/api/challenge-terms', { term: word }), 409, 'DUPLICATE', [
      'term:term_duplicate',
    ]);
    expectError(await city.post('/api/challenge-terms', { term: '"' }), 400, 'VALIDATION_FAILED');
    const list = await city.get<{ items: Array<{ id: number; term: string }> }>('/api/challenge-terms');
    expect(list.body.items.map((i) => i.term)).toContain(word);
    expect((await city.request('DELETE', `/api/challenge-terms/${made.body.id}`)).status).toBe(204);
  });
});
