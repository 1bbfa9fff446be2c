import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor, buildDistrict } from '../../test/factories.js';
import { drainUntil, startTestApp, type TestApp } from '../../test/harness.js';
import { inDays } from '../challenges/test-kit.js';
import { auditCount, person } from '../taking/test-kit.js';
import { PDF_BYTES, upload } from '../stations/test-kit.js';
import { remindOverdueMilestones } from './reminders.js';
import { getProject, matchedProject, projectSnapshot, type ProjectView } from './test-kit.js';
import { todayInChina } from '../../../shared/roles.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

interface Page {
  items: Array<{ id: number; title: string; milestones: number; overdue: number }>;
  total: number;
}

describe('followed projects (项目跟踪)', () => {
  it('opens a project on the match, seeded with the solution milestones, seen by parties, district and city', async () => {
    const cast = await matchedProject(t);
    const p = await getProject(cast.phd.client, cast.projectId);
    expect(p.status).toBe(200);
    expect(p.body.title).toBe('高能量密度锂电池正极材料技术攻关');
    expect(p.body.milestones.map((m) => [m.title, m.due, m.status])).toEqual([
      ['实验室验证', inDays(90), 'open'],
      ['中试放大', inDays(240), 'open'],
    ]);
    expect(p.body.actions).toEqual(['view', 'edit_milestones', 'report']);
    expect((await getProject(cast.unit.client, cast.projectId)).body.actions).toEqual([
      'view',
      'edit_milestones',
      'report',
    ]);
    expect((await getProject(cast.officer.client, cast.projectId)).body.actions).toEqual([
      'view',
      'write_outcome',
    ]);
    expect((await getProject(cast.city.client, cast.projectId)).body.actions).toEqual(['view']);
    expect(await auditCount(t, 'followup_project', cast.projectId)).toBe(1);

    for (const c of [cast.phd.client, cast.unit.client, cast.officer.client, cast.city.client]) {
      const list = await c.get<Page>('/api/followup/projects');
      expect(list.status).toBe(200);
      expect(list.body.items.map((i) => i.id)).toContain(cast.projectId);
    }
    // Outsiders: another unit, another person, another district office, the national reviewer.
    const otherDistrict = await buildActor(t, 'district_officer', {
      regionId: (await buildDistrict(t.db)).id,
    });
    const outsiders = [cast.other.client, (await person(t)).client, otherDistrict.client, cast.nation.client];
    for (const c of outsiders) {
      const res = await getProject(c, cast.projectId);
      expectError(res, 404, 'NOT_FOUND');
      expect(res.text).not.toContain('正极材料');
    }
    for (const c of [cast.other.client, otherDistrict.client]) {
      const list = await c.get<Page>('/api/followup/projects');
      expect(list.body.items.map((i) => i.id)).not.toContain(cast.projectId);
    }
    expectError(await cast.nation.client.get('/api/followup/projects'), 403, 'FORBIDDEN');
    expectError(await t.client().get('/api/followup/projects'), 401, 'UNAUTHENTICATED');
    expectError(await t.client().get(`/api/followup/projects/${cast.projectId}`), 401, 'UNAUTHENTICATED');
  });

  it('lets the parties add, edit and mark milestones done, audited, compare-and-set on the revision', async () => {
    const cast = await matchedProject(t);
    const url = `/api/followup/projects/${cast.projectId}/milestones`;
    const added = await cast.unit.client.post<ProjectView>(url, { title: '产线验证', due: inDays(300) });
    expect(added.status).toBe(201);
    const m = added.body.milestones.at(-1)!;
    expect(m).toMatchObject({ title: '产线验证', deliverable: '', revision: 1, doneOn: null });
    const edited = await cast.phd.client.put<ProjectView>(`${url}/${m.id}`, {
      title: '产线验证与定型',
      due: inDays(320),
      deliverable: '定型报告',
      revision: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.milestones.at(-1)).toMatchObject({ title: '产线验证与定型', revision: 2 });
    // An edit based on the old revision is a conflict; nothing changes.
    const before = await projectSnapshot(t, cast.projectId);
    expectError(
      await cast.unit.client.put(`${url}/${m.id}`, { title: '旧版本', due: inDays(5), revision: 1 }),
      409,
      'REVISION_CONFLICT',
    );
    const today = todayInChina();
    const done = await cast.phd.client.post<ProjectView>(`${url}/${m.id}/done`, {
      done: true,
      doneOn: today,
      note: '通过客户验收',
      revision: 2,
    });
    expect(done.status).toBe(200);
    expect(done.body.milestones.at(-1)).toMatchObject({
      doneOn: today,
      note: '通过客户验收',
      status: 'done',
    });
    expect(before).not.toBe(await projectSnapshot(t, cast.projectId));
    // 1 opened + added + edited + done.
    expect(await auditCount(t, 'followup_project', cast.projectId)).toBe(4);
    await drainUntil(t, async () => {
      const n = await t.db
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', cast.unit.user.id)
        .execute();
      return n.some((x) => x.title.includes('里程碑已完成'));
    });
  });

  it('refuses milestone changes by the district, the city, outsiders and bad input, changing nothing', async () => {
    const cast = await matchedProject(t);
    const url = `/api/followup/projects/${cast.projectId}/milestones`;
    const mid = (await getProject(cast.phd.client, cast.projectId)).body.milestones[0]!.id;
    const before = await projectSnapshot(t, cast.projectId);
    const audits = await auditCount(t, 'followup_project', cast.projectId);
    const body = { title: '新里程碑', due: inDays(30) };
    expectError(await cast.officer.client.post(url, body), 403, 'FORBIDDEN');
    expectError(await cast.city.client.post(url, body), 403, 'FORBIDDEN');
    expectError(await cast.other.client.post(url, body), 404, 'NOT_FOUND');
    expectError(
      await cast.other.client.post(`${url}/${mid}/done`, { done: true, revision: 1 }),
      404,
      'NOT_FOUND',
    );
    expectError(await t.client().post(url, body), 401, 'UNAUTHENTICATED');
    expectError(await cast.phd.client.post(url, { title: '', due: '2026-13-40' }), 400, 'VALIDATION_FAILED', [
      'due:date_format',
      'title:required',
    ]);
    expectError(
      await cast.phd.client.post(`${url}/${mid}/done`, { done: true, doneOn: inDays(3), revision: 1 }),
      400,
      'VALIDATION_FAILED',
      ['doneOn:invalid_value'],
    );
    expectError(
      await cast.phd.client.post(`${url}/999999/done`, { done: true, revision: 1 }),
      404,
      'NOT_FOUND',
    );
    expect(await projectSnapshot(t, cast.projectId)).toBe(before);
    expect(await auditCount(t, 'followup_project', cast.projectId)).toBe(audits);
  });

  it('takes progress reports with milestone statuses and own attachments; refuses others', async () => {
    const cast = await matchedProject(t);
    const url = `/api/followup/projects/${cast.projectId}/reports`;
    const mid = (await getProject(cast.phd.client, cast.projectId)).body.milestones[0]!.id;
    const file = await upload(cast.phd.client, PDF_BYTES, { filename: '季度报告.pdf' });
    const res = await cast.phd.client.post<ProjectView>(url, {
      period: '2026年第4季度',
      body: '完成正极材料小试合成，容量保持率达到92%。',
      milestones: [{ milestoneId: mid, status: 'in_progress' }],
      attachmentIds: [file.body.id],
    });
    expect(res.status).toBe(201);
    const r = res.body.reports[0]!;
    expect(r).toMatchObject({ side: 'taker', period: '2026年第4季度' });
    expect(r.attachments.map((a) => a.filename)).toEqual(['季度报告.pdf']);
    // The poster and the district office may download the attachment through the project; outsiders not.
    const fileUrl = `/api/followup/projects/${cast.projectId}/reports/${r.id}/files/${file.body.id}`;
    expect((await cast.unit.client.get(fileUrl)).status).toBe(200);
    expect((await cast.officer.client.get(fileUrl)).status).toBe(200);
    expectError(await cast.other.client.get(fileUrl), 404, 'NOT_FOUND');

    const before = await projectSnapshot(t, cast.projectId);
    const someone = await upload(cast.other.client, PDF_BYTES);
    const good = { period: '2027年第1季度', body: '进展' };
    expectError(
      await cast.unit.client.post(url, { ...good, attachmentIds: [someone.body.id] }),
      400,
      'VALIDATION_FAILED',
      ['attachmentIds.0:invalid_value'],
    );
    expectError(
      await cast.unit.client.post(url, { ...good, milestones: [{ milestoneId: 999999, status: 'done' }] }),
      400,
      'VALIDATION_FAILED',
      ['milestones.0.milestoneId:invalid_value'],
    );
    expectError(await cast.unit.client.post(url, { period: '', body: '' }), 400, 'VALIDATION_FAILED', [
      'body:required',
      'period:required',
    ]);
    expectError(await cast.officer.client.post(url, good), 403, 'FORBIDDEN');
    expectError(await cast.city.client.post(url, good), 403, 'FORBIDDEN');
    expectError(await cast.other.client.post(url, good), 404, 'NOT_FOUND');
    expectError(await t.client().post(url, good), 401, 'UNAUTHENTICATED');
    expect(await projectSnapshot(t, cast.projectId)).toBe(before);
    await drainUntil(t, async () => {
      const n = await t.db
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', cast.unit.user.id)
        .execute();
      return n.some((x) => x.title.includes('新的进展报告'));
    });
  });

  it('flags overdue milestones and reminds the parties once a day', async () => {
    const cast = await matchedProject(t);
    const mid = (await getProject(cast.phd.client, cast.projectId)).body.milestones[0]!.id;
    await t.db
      .updateTable('followup_milestones')
      .set({ due: inDays(-3) })
      .where('id', '=', mid)
      .execute();
    const p = await getProject(cast.phd.client, cast.projectId);
    expect(p.body.milestones[0]!.status).toBe('overdue');
    const list = await cast.phd.client.get<Page>('/api/followup/projects');
    expect(list.body.items.find((i) => i.id === cast.projectId)?.overdue).toBe(1);
    const today = todayInChina();
    const [a, b] = await Promise.all([
      remindOverdueMilestones(t.db, today),
      remindOverdueMilestones(t.db, today),
    ]);
    const row = await t.db
      .selectFrom('followup_milestones')
      .select('reminded_on')
      .where('id', '=', mid)
      .executeTakeFirstOrThrow();
    expect(row.reminded_on).toBe(today);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await remindOverdueMilestones(t.db, today)).toBe(0);
    await drainUntil(t, async () => {
      const n = await t.db
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', cast.phd.user.id)
        .execute();
      return n.filter((x) => x.title.includes('已逾期')).length === 1;
    });
  });
});
