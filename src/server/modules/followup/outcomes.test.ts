import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, type ApiClient } from '../../test/client.js';
import { buildActor, buildDistrict } from '../../test/factories.js';
import { drainUntil, startTestApp, type TestApp } from '../../test/harness.js';
import { auditCount } from '../taking/test-kit.js';
import { matchedProject, outcomeInput, projectSnapshot, type OutcomeView } from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

interface OutcomePage {
  items: OutcomeView[];
  total: number;
}

const step = (c: ApiClient, id: number, action: string, opinion?: string) =>
  c.post<OutcomeView>(`/api/followup/outcomes/${id}/actions/${action}`, opinion ? { opinion } : {});

async function outcomeRow(id: number) {
  return t.db.selectFrom('outcome_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('outcome reports (成果报告) from the district office to the city', () => {
  it('drafts, edits, submits; the city acknowledges; audited and notified', async () => {
    const cast = await matchedProject(t);
    const created = await cast.officer.client.post<OutcomeView>(
      `/api/followup/projects/${cast.projectId}/outcomes`,
      outcomeInput(),
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({
      state: 'draft',
      status: 'on_track',
      fundingWan: 120.5,
      products: 1,
      patents: 2,
      regionId: cast.district.id,
      actions: ['edit', 'submit'],
    });
    // The city does not see district drafts.
    expectError(await cast.city.client.get(`/api/followup/outcomes/${id}`), 404, 'NOT_FOUND');
    const edited = await cast.officer.client.put<OutcomeView>(`/api/followup/outcomes/${id}`, {
      ...outcomeInput({ status: 'delayed', outcome: '中试线调试推迟两个月' }),
      revision: 1,
    });
    expect(edited.body).toMatchObject({ status: 'delayed', revision: 2 });
    expectError(
      await cast.officer.client.put(`/api/followup/outcomes/${id}`, { ...outcomeInput(), revision: 1 }),
      409,
      'REVISION_CONFLICT',
    );
    const submitted = await cast.officer.client.post<OutcomeView>(
      `/api/followup/outcomes/${id}/actions/submit`,
      {},
    );
    expect(submitted.body).toMatchObject({ state: 'submitted', actions: [] });
    const seen = await cast.city.client.get<OutcomeView>(`/api/followup/outcomes/${id}`);
    expect(seen.body.actions).toEqual(['acknowledge', 'return']);
    const queue = await cast.city.client.get<OutcomePage>('/api/followup/outcomes?state=submitted');
    expect(queue.body.items.map((i) => i.id)).toContain(id);
    const ack = await cast.city.client.post<OutcomeView>(
      `/api/followup/outcomes/${id}/actions/acknowledge`,
      {},
    );
    expect(ack.body).toMatchObject({ state: 'acknowledged', actions: [] });
    expect(await auditCount(t, 'outcome_report', id)).toBe(4);
    await drainUntil(t, async () => {
      const n = await t.db
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', cast.officer.user.id)
        .execute();
      return n.some((x) => x.title.includes('已被市博管办确认'));
    });
    const project = await cast.phd.client.get<{ outcomes: OutcomeView[] }>(
      `/api/followup/projects/${cast.projectId}`,
    );
    expect(project.body.outcomes).toEqual([]);
    const cityProject = await cast.city.client.get<{ outcomes: OutcomeView[] }>(
      `/api/followup/projects/${cast.projectId}`,
    );
    expect(cityProject.body.outcomes.map((o) => o.state)).toEqual(['acknowledged']);
  });

  it('returns with a required comment, then the district corrects and submits again', async () => {
    const cast = await matchedProject(t);
    const id = (
      await cast.officer.client.post<OutcomeView>(
        `/api/followup/projects/${cast.projectId}/outcomes`,
        outcomeInput(),
      )
    ).body.id;
    await step(cast.officer.client, id, 'submit');
    const before = JSON.stringify(await outcomeRow(id));
    expectError(await step(cast.city.client, id, 'return'), 422, 'OPINION_REQUIRED');
    expect(JSON.stringify(await outcomeRow(id))).toBe(before);
    const back = await cast.city.client.post<OutcomeView>(`/api/followup/outcomes/${id}/actions/return`, {
      opinion: '请补充专利号',
    });
    expect(back.body).toMatchObject({ state: 'returned', lastComment: '请补充专利号' });
    const again = await cast.officer.client.get<OutcomeView>(`/api/followup/outcomes/${id}`);
    expect(again.body.actions).toEqual(['edit', 'submit']);
    await cast.officer.client.put(`/api/followup/outcomes/${id}`, {
      ...outcomeInput({ patents: 3 }),
      revision: 1,
    });
    const resubmitted = await cast.officer.client.post<OutcomeView>(
      `/api/followup/outcomes/${id}/actions/submit`,
      {},
    );
    expect(resubmitted.body).toMatchObject({ state: 'submitted', patents: 3 });
  });

  it('refuses other roles, other districts, anonymous callers and bad input, changing nothing', async () => {
    const cast = await matchedProject(t);
    const url = `/api/followup/projects/${cast.projectId}/outcomes`;
    const otherOfficer = await buildActor(t, 'district_officer', {
      regionId: (await buildDistrict(t.db)).id,
    });
    const before = await projectSnapshot(t, cast.projectId);
    expectError(await otherOfficer.client.post(url, outcomeInput()), 404, 'NOT_FOUND');
    expectError(await cast.city.client.post(url, outcomeInput()), 403, 'FORBIDDEN');
    expectError(await cast.phd.client.post(url, outcomeInput()), 403, 'FORBIDDEN');
    expectError(await cast.other.client.post(url, outcomeInput()), 404, 'NOT_FOUND');
    expectError(await t.client().post(url, outcomeInput()), 401, 'UNAUTHENTICATED');
    expectError(
      await cast.officer.client.post(url, outcomeInput({ status: 'late', outcome: '', patents: -1 })),
      400,
      'VALIDATION_FAILED',
      ['outcome:required', 'patents:too_small', 'status:invalid_value'],
    );
    expect(await projectSnapshot(t, cast.projectId)).toBe(before);

    const id = (await cast.officer.client.post<OutcomeView>(url, outcomeInput())).body.id;
    const draft = JSON.stringify(await outcomeRow(id));
    expectError(await step(otherOfficer.client, id, 'submit'), 404, 'NOT_FOUND');
    expectError(await step(cast.city.client, id, 'acknowledge'), 404, 'NOT_FOUND');
    expectError(await step(cast.officer.client, id, 'acknowledge'), 409, 'STATE_CONFLICT');
    expectError(await step(cast.phd.client, id, 'submit'), 404, 'NOT_FOUND');
    expectError(await step(t.client(), id, 'submit'), 401, 'UNAUTHENTICATED');
    expectError(
      await otherOfficer.client.put(`/api/followup/outcomes/${id}`, { ...outcomeInput(), revision: 1 }),
      404,
      'NOT_FOUND',
    );
    expectError(await otherOfficer.client.get(`/api/followup/outcomes/${id}`), 404, 'NOT_FOUND');
    expect(JSON.stringify(await outcomeRow(id))).toBe(draft);
    await step(cast.officer.client, id, 'submit');
    expectError(await step(cast.officer.client, id, 'acknowledge'), 403, 'FORBIDDEN');
    expectError(
      await cast.officer.client.put(`/api/followup/outcomes/${id}`, { ...outcomeInput(), revision: 1 }),
      403,
      'FORBIDDEN',
    );
    const list = await otherOfficer.client.get<OutcomePage>('/api/followup/outcomes');
    expect(list.body.items.map((i) => i.id)).not.toContain(id);
    expectError(await cast.phd.client.get('/api/followup/outcomes'), 403, 'FORBIDDEN');
    expectError(await cast.officer.client.get('/api/followup/outcomes/export.xlsx'), 403, 'FORBIDDEN');
  });

  it('acknowledges once when two officers act at the same time', async () => {
    const cast = await matchedProject(t);
    const id = (
      await cast.officer.client.post<OutcomeView>(
        `/api/followup/projects/${cast.projectId}/outcomes`,
        outcomeInput(),
      )
    ).body.id;
    await step(cast.officer.client, id, 'submit');
    const city2 = await buildActor(t, 'municipal_officer');
    const results = await Promise.all([
      step(cast.city.client, id, 'acknowledge'),
      step(city2.client, id, 'acknowledge'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.text).toContain('STATE_CONFLICT');
    expect(await auditCount(t, 'outcome_report', id)).toBe(3);
  });

  it('lists with filters and exports Excel in Chinese and English for the city', async () => {
    const cast = await matchedProject(t);
    const id = (
      await cast.officer.client.post<OutcomeView>(
        `/api/followup/projects/${cast.projectId}/outcomes`,
        outcomeInput({ status: 'completed' }),
      )
    ).body.id;
    await step(cast.officer.client, id, 'submit');
    const filtered = await cast.city.client.get<OutcomePage>(
      `/api/followup/outcomes?status=completed&regionId=${cast.district.id}`,
    );
    expect(filtered.body.items.map((i) => i.id)).toEqual([id]);
    const none = await cast.city.client.get<OutcomePage>(
      `/api/followup/outcomes?status=terminated&regionId=${cast.district.id}`,
    );
    expect(none.body.items).toEqual([]);
    for (const [lang, header, status] of [
      ['zh-CN', '项目（需求）', '已完成'],
      ['en', 'Project (need)', 'Completed'],
    ] as const) {
      const c = cast.city.client;
      const res = await fetch(`${t.baseUrl}/api/followup/outcomes/export.xlsx?regionId=${cast.district.id}`, {
        headers: {
          'accept-language': lang,
          cookie: [...c.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
          'x-forwarded-for': cast.city.client.ip,
        },
      });
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(1).getCell(2).value).toBe(header);
      expect(ws.getRow(2).getCell(1).value).toBe(id);
      expect(ws.getRow(2).getCell(5).value).toBe(status);
    }
  });
});
