import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { TEST_PASSWORD } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { COMMITMENTS } from '../../../shared/challenges/commitment.js';
import { techInput } from '../challenges/test-kit.js';
import {
  agreementCast,
  downloadPdf,
  makeAgreement,
  sign,
  verifyUpload,
  type AgreementCast,
  type AgreementView,
} from './test-kit.js';

let t: TestApp;
let cast: AgreementCast;
let filed: AgreementView;
let open: AgreementView;
beforeAll(async () => {
  t = await startTestApp();
  cast = await agreementCast(t);
  const a = (await makeAgreement(cast)).body;
  await sign(cast.taker.client, a.id, TEST_PASSWORD);
  await sign(cast.unit.client, a.id, TEST_PASSWORD);
  filed = (await cast.city.client.post<AgreementView>(`/api/agreements/${a.id}/file`)).body;
  open = (await makeAgreement(cast)).body;
});
afterAll(async () => t.close());

interface Page {
  items: Array<{ id: number; number: string; filingNumber: string | null; state: string; parties: string }>;
  total: number;
}

describe('the filing register', () => {
  it('lists filed documents for the municipal office and the district in scope, searchable', async () => {
    const city = await cast.city.client.get<Page>(
      `/api/agreements/register?q=${encodeURIComponent(filed.number)}`,
    );
    expect(city.body.items.map((i) => i.id)).toEqual([filed.id]);
    expect(city.body.items[0]!.parties).toContain('揭榜方：孙博士');
    const byFiling = await cast.districtOfficer.client.get<Page>(
      `/api/agreements/register?q=${encodeURIComponent(filed.filingNumber!)}`,
    );
    expect(byFiling.body.items.map((i) => i.id)).toEqual([filed.id]);
    const district = await cast.districtOfficer.client.get<Page>('/api/agreements/register?pageSize=100');
    expect(district.body.items.map((i) => i.id)).toContain(filed.id);
    expect(district.body.items.map((i) => i.id)).not.toContain(open.id);
    const signing = await cast.districtOfficer.client.get<Page>(
      '/api/agreements/register?state=signing&pageSize=100',
    );
    expect(signing.body.items.map((i) => i.id)).toContain(open.id);
    const other = await cast.otherDistrict.client.get<Page>('/api/agreements/register?pageSize=100');
    expect(other.body.items.map((i) => i.id)).not.toContain(filed.id);
  });

  it('exports the register to Excel with the filing number', async () => {
    const res = await fetch(
      `${t.baseUrl}/api/agreements/register/export.xlsx?q=${encodeURIComponent(filed.number)}`,
      {
        headers: {
          'x-forwarded-for': cast.city.client.ip,
          cookie: [...cast.city.client.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
        },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('备案编号');
    expect(ws.getRow(2).getCell(1).value).toBe(filed.filingNumber);
    expect(ws.getRow(2).getCell(2).value).toBe(filed.number);
    expect(ws.rowCount).toBe(2);
  });

  it('is closed to parties, other roles and anonymous callers', async () => {
    for (const c of [cast.unit.client, cast.taker.client, cast.nation.client])
      expectError(await c.get('/api/agreements/register'), 403, 'FORBIDDEN');
    expectError(await cast.unit.client.get('/api/agreements/register/export.xlsx'), 403, 'FORBIDDEN');
    expectError(await t.client().get('/api/agreements/register'), 401, 'UNAUTHENTICATED');
  });
});

describe('my agreements and one agreement', () => {
  it('a party sees its own, with what it may do; others see nothing of them', async () => {
    const mine = await cast.taker.client.get<Page>('/api/agreements/mine?pageSize=100');
    expect(mine.body.items.map((i) => i.id).sort()).toEqual([filed.id, open.id].sort());
    const one = await cast.taker.client.get<AgreementView>(`/api/agreements/${open.id}`);
    expect(one.body.actions).toEqual(['sign', 'decline', 'download']);
    const poster = await cast.unit.client.get<AgreementView>(`/api/agreements/${open.id}`);
    expect(poster.body.actions).toEqual(['decline', 'download']);
    const others = await cast.other.client.get<Page>('/api/agreements/mine?pageSize=100');
    expect(others.body.items.map((i) => i.id)).not.toContain(filed.id);
    for (const c of [cast.other.client, cast.otherDistrict.client, cast.nation.client]) {
      const res = expectError(await c.get(`/api/agreements/${filed.id}`), 404, 'NOT_FOUND');
      expect(JSON.stringify(res)).not.toContain(filed.number);
    }
    expectError(await t.client().get(`/api/agreements/${filed.id}`), 401, 'UNAUTHENTICATED');
    expectError(await cast.city.client.get('/api/agreements/mine'), 403, 'FORBIDDEN');
    expectError(await cast.city.client.get('/api/agreements/999999999'), 404, 'NOT_FOUND');
  });

  it('only the municipal office makes agreements by hand, only for a published posting', async () => {
    for (const c of [cast.districtOfficer.client, cast.unit.client, cast.taker.client])
      expectError(
        await c.post('/api/agreements', {
          templateKey: 'cooperation',
          challengeId: cast.challenge.id,
          takerUsername: cast.taker.user.username,
        }),
        403,
        'FORBIDDEN',
      );
    const draft = await cast.unit.client.post<{ id: number }>('/api/challenges', techInput(cast.district.id));
    expectError(
      await cast.city.client.post('/api/agreements', {
        templateKey: 'cooperation',
        challengeId: draft.body.id,
        takerUsername: cast.taker.user.username,
      }),
      400,
      'VALIDATION_FAILED',
      ['challengeId:challenge_not_published'],
    );
  });
});

describe('the commitment letter', () => {
  it('is filed as a sealed one-party document when the poster accepts it, once per version', async () => {
    const docs = await t.db
      .selectFrom('agreements')
      .selectAll()
      .where('subject_type', '=', 'challenge')
      .where('subject_id', '=', cast.challenge.id)
      .where('template_key', '=', 'commitment_tech')
      .execute();
    expect(docs).toHaveLength(1);
    const letter = docs[0]!;
    expect(letter.state).toBe('filed');
    expect(letter.filing_number).toMatch(/^渝博备〔\d{4}〕\d+号$/);
    expect(letter.body_text).toContain(COMMITMENTS.tech.text);
    expect(letter.body_text).toContain(COMMITMENTS.tech.version);
    const party = await t.db
      .selectFrom('agreement_parties')
      .selectAll()
      .where('agreement_id', '=', letter.id)
      .executeTakeFirstOrThrow();
    expect(party).toMatchObject({
      user_id: cast.unit.user.id,
      state: 'signed',
      method: 'acceptance',
      role_label: '张榜方',
    });
    const pdf = await downloadPdf(cast.unit.client, letter.id);
    expect(pdf.status).toBe(200);
    expect((await verifyUpload(t.client(), pdf.data)).body.verdict).toBe('valid');
    const mine = await cast.unit.client.get<Page>('/api/agreements/mine?pageSize=100');
    expect(mine.body.items.map((i) => i.id)).toContain(letter.id);

    const draft = await cast.unit.client.post<{ id: number }>('/api/challenges', techInput(cast.district.id));
    for (let i = 0; i < 2; i++) {
      const res = await cast.unit.client.post(`/api/challenges/${draft.body.id}/commitment`, {
        version: COMMITMENTS.tech.version,
      });
      expect(res.status).toBe(200);
    }
    const letters = await t.db
      .selectFrom('agreements')
      .select('id')
      .where('subject_type', '=', 'challenge')
      .where('subject_id', '=', draft.body.id)
      .execute();
    expect(letters).toHaveLength(1);
  });
});
