import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { PDF_BYTES, upload } from '../stations/test-kit.js';
import { must, person, signUp, solutionInput, takingCast, type SolutionView } from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

interface Thread {
  items: Array<{ body: string; attachments: Array<{ id: number; filename: string }> }>;
}

describe('thread attachments (对接)', () => {
  it('lets the parties and the office attach their own files, which only the thread may open (logged)', async () => {
    const cast = await takingCast(t);
    const phd = await person(t);
    const s = must(await signUp(phd.client, cast.tech.id, { takerKind: 'individual' }), 201, 'sign up');
    const d = must(
      await phd.client.post<SolutionView>(`/api/signups/${s.id}/solution`, solutionInput()),
      201,
      'draft',
    );
    must(await phd.client.post(`/api/solutions/${d.id}/actions/submit`), 200, 'submit');
    const url = `/api/solutions/${d.id}/messages`;
    const file = must(
      await upload(phd.client, PDF_BYTES, { filename: '中试线设备清单.pdf' }),
      201,
      'upload',
    ) as { id: number };

    // Someone else's upload is refused and nothing is written.
    const foreign = must(await upload(cast.unit.client, PDF_BYTES), 201, 'foreign') as { id: number };
    expectError(
      await phd.client.post(url, { body: '见附件', attachmentIds: [foreign.id] }),
      400,
      'VALIDATION_FAILED',
      ['attachmentIds:unknown_file'],
    );
    expect((await phd.client.get<Thread>(url)).body.items).toHaveLength(0);

    const posted = await phd.client.post<Thread>(url, { body: '设备清单见附件', attachmentIds: [file.id] });
    expect(posted.status).toBe(201);
    expect(posted.body.items[0]!.attachments.map((f) => f.filename)).toEqual(['中试线设备清单.pdf']);

    const fileUrl = `${url}/files/${file.id}`;
    const got = await cast.unit.client.get(fileUrl);
    expect(got.status).toBe(200);
    expect(got.headers.get('cache-control')).toContain('no-store');
    expect((await cast.city.client.get(fileUrl)).status).toBe(200);
    // Outsiders, other roles and the anonymous: nothing; a file not in the thread: nothing.
    const district = await buildActor(t, 'district_officer');
    for (const c of [cast.other.client, district.client, cast.nation.client, (await person(t)).client])
      expectError(await c.get(fileUrl), 404, 'NOT_FOUND');
    expectError(await t.client().get(fileUrl), 401, 'UNAUTHENTICATED');
    expectError(await cast.unit.client.get(`${url}/files/${foreign.id}`), 404, 'NOT_FOUND');

    // The taker sees who opened the file.
    const log = await phd.client.get<{ items: Array<{ userRole: string; what: string; fileId: number }> }>(
      `/api/solutions/${d.id}/access-log`,
    );
    expect(
      log.body.items
        .filter((e) => e.fileId === file.id)
        .map((e) => e.userRole)
        .sort(),
    ).toEqual(['municipal_officer', 'unit']);
  });
});
