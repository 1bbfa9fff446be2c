import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { PDF_BYTES, upload } from '../stations/test-kit.js';
import { act, challengeCast, published, submitted, techInput, type ChallengeView } from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

type WithFiles = ChallengeView & {
  publicAttachments: Array<{ id: number; filename: string }>;
  attachments?: Array<{ id: number }>;
};

describe('posting attachments', () => {
  it('serves public attachments to anyone once published and confidential ones only to the entitled', async () => {
    const cast = await challengeCast(t);
    const pub = (await upload(cast.unit.client, PDF_BYTES, { filename: '需求说明（公开）.pdf' })).body;
    const secret = (await upload(cast.unit.client, PDF_BYTES, { filename: '工艺参数（保密）.pdf' })).body;
    const input = techInput(cast.district.id, {
      attachmentIds: [pub.id],
      confidential: { ...techInput(cast.district.id).confidential, attachmentIds: [secret.id] },
    });
    const s = await submitted(cast.unit.client, input);
    const url = (fileId: number) => `/api/challenges/${s.id}/files/${fileId}`;
    const anon = t.client();

    // Under review: nobody outside sees either file; the national reviewer not yet either.
    expectError(await anon.get(url(pub.id)), 404, 'NOT_FOUND');
    expectError(await cast.other.client.get(url(pub.id)), 404, 'NOT_FOUND');
    expect((await cast.city.client.get(url(secret.id))).status).toBe(200);
    expectError(await cast.nation.client.get(url(secret.id)), 404, 'NOT_FOUND');

    await act(cast.city.client, s.id, 'municipal_approve');
    // The national reviewer may not use the uploader-based /api/files route, but gets the posting's files.
    expect((await cast.nation.client.get(url(secret.id))).status).toBe(200);
    await act(cast.nation.client, s.id, 'national_publish');

    const seen = await anon.get<WithFiles>(`/api/challenges/${s.id}`);
    expect(seen.body.publicAttachments.map((f) => f.filename)).toEqual(['需求说明（公开）.pdf']);
    expect(seen.text).not.toContain('工艺参数');
    const got = await anon.get(url(pub.id));
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toContain('application/pdf');
    for (const c of [anon, cast.other.client, cast.postdoc.client])
      expectError(await c.get(url(secret.id)), 404, 'NOT_FOUND');
    expect((await cast.unit.client.get(url(secret.id))).status).toBe(200);
    // A file of another posting, or no file at all, is the same 404.
    expectError(await anon.get(url(secret.id + 1000)), 404, 'NOT_FOUND');

    // Every read of the confidential material by the offices and reviewers is in the poster's access log;
    // the poster's own reads and the public part are not.
    await cast.city.client.get(`/api/challenges/${s.id}`);
    await cast.unit.client.get(`/api/challenges/${s.id}`);
    const log = await cast.unit.client.get<{
      items: Array<{ what: string; userRole: string; fileId: number | null }>;
    }>(`/api/challenges/${s.id}/access-log`);
    expect(log.status).toBe(200);
    expect(log.body.items.map((e) => [e.userRole, e.what, e.fileId]).reverse()).toEqual([
      ['municipal_officer', 'file', secret.id],
      ['national_reviewer', 'file', secret.id],
      ['municipal_officer', 'confidential_part', null],
    ]);
  });

  it("refuses someone else's upload as an attachment and changes nothing", async () => {
    const cast = await challengeCast(t);
    const foreign = (await upload(cast.other.client, PDF_BYTES)).body;
    const res = await cast.unit.client.post('/api/challenges', {
      ...techInput(cast.district.id),
      attachmentIds: [foreign.id],
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.text).toContain('attachmentIds');
    const mine = await cast.unit.client.get<{ total: number }>('/api/challenges/mine');
    expect(mine.body.total).toBe(0);
  });

  it('lets a colleague of the same unit keep the attachments when editing a draft', async () => {
    const cast = await challengeCast(t);
    const colleague = await buildActor(t, 'unit', { unitId: cast.unit.user.unitId ?? undefined });
    const f = (await upload(cast.unit.client, PDF_BYTES)).body;
    const draft = await cast.unit.client.post<WithFiles>('/api/challenges', {
      ...techInput(cast.district.id),
      attachmentIds: [f.id],
    });
    expect(draft.status).toBe(201);
    const saved = await colleague.client.put(`/api/challenges/${draft.body.id}`, {
      challenge: { ...techInput(cast.district.id), attachmentIds: [f.id], title: '同事修改后的标题' },
      revision: draft.body.revision,
    });
    expect(saved.status).toBe(200);
  });

  it('publishes straight away when nothing is attached (the field is optional)', async () => {
    const cast = await challengeCast(t);
    const p = await published(cast, cast.unit.client, techInput(cast.district.id));
    expect((await t.client().get<WithFiles>(`/api/challenges/${p.id}`)).body.publicAttachments).toEqual([]);
  });
});
