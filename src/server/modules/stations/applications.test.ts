import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor, buildDistrict } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { emptyForm } from '../../../shared/stations/form.js';
import { act, PDF_BYTES, readyApplication, stationCast, upload, type AppView } from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const countRows = async (id: number) => {
  const events = await t.db
    .selectFrom('application_events')
    .select('id')
    .where('application_id', '=', id)
    .execute();
  const audit = await t.db
    .selectFrom('audit_log')
    .select('id')
    .where('entity_type', '=', 'application')
    .where('entity_id', '=', String(id))
    .execute();
  return { events: events.length, audit: audit.length };
};

describe('station application workflow', () => {
  it('walks submit → return with opinion and flagged sections → resubmit → recommend, with a timeline', async () => {
    const { unit, officer } = await stationCast(t);
    const app = await readyApplication(unit.client);
    expect(app.state).toBe('draft');
    expect(app.eligibility.eligible).toBe(true);
    expect(app.actions).toEqual(['edit', 'submit']);

    const submitted = await act(unit.client, app.id, 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    expect(submitted.body.actions).toEqual(['withdraw']);

    const seen = await officer.client.get<AppView>(`/api/station-applications/${app.id}`);
    expect(seen.body.actions).toEqual(['return', 'recommend', 'district_reject']);

    const returned = await act(officer.client, app.id, 'return', {
      opinion: '合作导师证明材料不清晰',
      flagged: ['basic.team'],
    });
    expect(returned.body.state).toBe('returned');
    const mine = await unit.client.get<AppView>(`/api/station-applications/${app.id}`);
    expect(mine.body.flagged).toEqual(['basic.team']);
    expect(mine.body.actions).toEqual(['edit', 'submit', 'withdraw']);
    // The sealed scan no longer matches a form under correction: a new one is required.
    expect((mine.body as AppView & { sealedScan: unknown }).sealedScan).toBeNull();
    expectError(await act(unit.client, app.id, 'submit'), 422, 'SCAN_REQUIRED');
    const rescan = await upload(unit.client, PDF_BYTES, {
      purpose: 'sealed_scan',
      filename: '盖章申报表-修改后.pdf',
    });
    await unit.client.post(`/api/station-applications/${app.id}/sealed-scan`, { fileId: rescan.body.id });

    expect((await act(unit.client, app.id, 'submit')).body.state).toBe('submitted');
    const rec = await act(officer.client, app.id, 'recommend', { opinion: '同意推荐' });
    expect(rec.body.state).toBe('recommended');
    expect(rec.body.timeline.map((e) => `${e.action}:${e.to}`)).toEqual([
      'submit:submitted',
      'return:returned',
      'submit:submitted',
      'recommend:recommended',
    ]);
    expect(rec.body.timeline[1]).toMatchObject({
      opinion: '合作导师证明材料不清晰',
      flagged: ['basic.team'],
    });
  });

  it('refuses submission with the missing conditions listed, and changes nothing', async () => {
    const { unit } = await stationCast(t);
    const created = await unit.client.post<AppView>('/api/station-applications');
    const before = await countRows(created.body.id);
    const res = await act(unit.client, created.body.id, 'submit');
    const body = expectError(res, 422, 'NOT_ELIGIBLE');
    expect(body.error.fields?.map((f) => f.code)).toContain('eligibility.b3_team');
    expect(body.error.message).toContain('基本条件3');
    expect(await countRows(created.body.id)).toEqual(before);
    expect((await unit.client.get<AppView>(`/api/station-applications/${created.body.id}`)).body.state).toBe(
      'draft',
    );
  });

  it('requires the sealed scan before submission', async () => {
    const { unit } = await stationCast(t);
    const created = await unit.client.post<AppView>('/api/station-applications');
    const ev = await upload(unit.client, PDF_BYTES);
    const { completeForm } = await import('../../../shared/stations/fixtures.js');
    await unit.client.put(`/api/station-applications/${created.body.id}/form`, {
      form: completeForm(ev.body.id),
      revision: 1,
    });
    expectError(await act(unit.client, created.body.id, 'submit'), 422, 'SCAN_REQUIRED');
  });

  it('allows one open application per unit', async () => {
    const { unit } = await stationCast(t);
    const first = await unit.client.post<AppView>('/api/station-applications');
    expect(first.status).toBe(201);
    expectError(await unit.client.post('/api/station-applications'), 409, 'APPLICATION_OPEN');
  });

  it('refuses a stale autosave (revision compare-and-set) and keeps the newer form', async () => {
    const { unit } = await stationCast(t);
    const created = await unit.client.post<AppView>('/api/station-applications');
    const f1 = emptyForm();
    f1.profile.legalPerson = '第一次';
    const ok = await unit.client.put<{ revision: number }>(
      `/api/station-applications/${created.body.id}/form`,
      { form: f1, revision: 1 },
    );
    expect(ok.body.revision).toBe(2);
    const f2 = emptyForm();
    f2.profile.legalPerson = '过期的标签页';
    expectError(
      await unit.client.put(`/api/station-applications/${created.body.id}/form`, { form: f2, revision: 1 }),
      409,
      'REVISION_CONFLICT',
    );
    const now = await unit.client.get<AppView & { form: { profile: { legalPerson: string } } }>(
      `/api/station-applications/${created.body.id}`,
    );
    expect(now.body.form.profile.legalPerson).toBe('第一次');
  });

  it('refuses evidence files of another unit', async () => {
    const a = await stationCast(t);
    const b = await stationCast(t);
    const foreign = await upload(b.unit.client, PDF_BYTES);
    const created = await a.unit.client.post<AppView>('/api/station-applications');
    const f = emptyForm();
    f.basic.legal.evidence = [foreign.body.id];
    expectError(
      await a.unit.client.put(`/api/station-applications/${created.body.id}/form`, { form: f, revision: 1 }),
      400,
      'VALIDATION_FAILED',
      ['form:unknown_file'],
    );
    expectError(await a.unit.client.get(`/api/files/${foreign.body.id}`), 404, 'NOT_FOUND');
  });

  it('rejects uploads of the wrong type or over the size limit', async () => {
    const { unit } = await stationCast(t);
    expectError(
      await upload(unit.client, Buffer.from('MZ\x90\x00 not a pdf'), { filename: 'x.pdf' }),
      415,
      'UNSUPPORTED_FILE_TYPE',
    );
    const small = await startTestApp({ shareWith: t, env: { UPLOAD_MAX_MB: '1' } });
    try {
      const c = (await buildActor(small, 'unit')).client;
      const big = Buffer.concat([PDF_BYTES, Buffer.alloc(1024 * 1024 + 10)]);
      expectError(await upload(c, big), 413, 'FILE_TOO_LARGE');
    } finally {
      await small.app.close();
    }
  });

  it('lets a unit withdraw while undecided, and not after', async () => {
    const { unit, officer } = await stationCast(t);
    const app = await readyApplication(unit.client);
    await act(unit.client, app.id, 'submit');
    expect((await act(unit.client, app.id, 'withdraw')).body.state).toBe('withdrawn');
    const late = expectError(
      await act(officer.client, app.id, 'recommend', { opinion: '同意' }),
      409,
      'STATE_CONFLICT',
    );
    expect(late.error.message).toContain('已撤回');
    expectError(await act(unit.client, app.id, 'submit'), 409, 'STATE_CONFLICT');
  });

  it('requires an opinion for district decisions', async () => {
    const { unit, officer } = await stationCast(t);
    const app = await readyApplication(unit.client);
    await act(unit.client, app.id, 'submit');
    expectError(await act(officer.client, app.id, 'recommend', { opinion: '  ' }), 422, 'OPINION_REQUIRED', [
      'opinion:required',
    ]);
    expectError(
      await act(officer.client, app.id, 'return', { opinion: '请补充', flagged: ['nonsense'] }),
      400,
      'VALIDATION_FAILED',
      ['flagged:invalid_value'],
    );
    expect(
      (await act(officer.client, app.id, 'district_reject', { opinion: '不具备研发机构' })).body.state,
    ).toBe('rejected');
  });

  it('lets exactly one of two concurrent district decisions win', async () => {
    const { district, unit, officer } = await stationCast(t);
    const other = await buildActor(t, 'district_officer', { regionId: district.id });
    const app = await readyApplication(unit.client);
    await act(unit.client, app.id, 'submit');
    const before = await countRows(app.id);
    const results = await Promise.all([
      act(officer.client, app.id, 'recommend', { opinion: '同意推荐' }),
      act(other.client, app.id, 'return', { opinion: '请补充' }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const after = await countRows(app.id);
    expect(after.events - before.events).toBe(1);
    expect(after.audit - before.audit).toBe(1);
  });
});

describe('station application authorization', () => {
  it('hides drafts from offices and other units (404), and other districts’ applications from officers', async () => {
    const { unit, officer, city } = await stationCast(t);
    const app = await readyApplication(unit.client);
    const stranger = await buildActor(t, 'unit');
    const otherOfficer = await buildActor(t, 'district_officer', {
      regionId: (await buildDistrict(t.db)).id,
    });
    for (const c of [officer.client, city.client, stranger.client, otherOfficer.client]) {
      const res = await c.get(`/api/station-applications/${app.id}`);
      expectError(res, 404, 'NOT_FOUND');
      expect(res.text).not.toContain('智能制造研究院');
    }
    await act(unit.client, app.id, 'submit');
    expect((await officer.client.get(`/api/station-applications/${app.id}`)).status).toBe(200);
    expect((await city.client.get(`/api/station-applications/${app.id}`)).status).toBe(200);
    expectError(await otherOfficer.client.get(`/api/station-applications/${app.id}`), 404, 'NOT_FOUND');
    expectError(await act(otherOfficer.client, app.id, 'recommend', { opinion: '同意' }), 404, 'NOT_FOUND');
    expectError(await stranger.client.get(`/api/station-applications/${app.id}/pdf`), 404, 'NOT_FOUND');
    const list = await otherOfficer.client.get<{ items: Array<{ id: number }> }>('/api/station-applications');
    expect(list.body.items.map((i) => i.id)).not.toContain(app.id);
  });

  it('refuses actions by the wrong role, and anonymous callers', async () => {
    const { unit, city } = await stationCast(t);
    const app = await readyApplication(unit.client);
    await act(unit.client, app.id, 'submit');
    expectError(await act(city.client, app.id, 'recommend', { opinion: '同意' }), 403, 'FORBIDDEN');
    expectError(await act(unit.client, app.id, 'recommend', { opinion: '同意' }), 403, 'FORBIDDEN');
    const anon = t.client();
    expectError(await anon.get(`/api/station-applications/${app.id}`), 401, 'UNAUTHENTICATED');
    expectError(await anon.post('/api/station-applications'), 401, 'UNAUTHENTICATED');
    expectError(await anon.get('/api/station-applications'), 401, 'UNAUTHENTICATED');
    const expert = await buildActor(t, 'expert');
    expectError(await expert.client.get('/api/station-applications'), 403, 'FORBIDDEN');
    expectError(await expert.client.post('/api/station-applications'), 403, 'FORBIDDEN');
  });
});
