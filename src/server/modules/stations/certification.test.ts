import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor } from '../../test/factories.js';
import { drainUntil, startTestApp, type TestApp } from '../../test/harness.js';
import { act, readyApplication, stationCast, type AppView } from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

async function recommended() {
  const cast = await stationCast(t);
  const app = await readyApplication(cast.unit.client);
  await act(cast.unit.client, app.id, 'submit');
  await act(cast.officer.client, app.id, 'recommend', { opinion: '同意推荐' });
  return { ...cast, app };
}

/** Renders page 1 to greyscale and returns the share of dark pixels in a horizontal band (0–1 of height). */
function inkShare(pdf: Buffer, top: number, bottom: number): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bohou-pdf-'));
  fs.writeFileSync(path.join(dir, 'a.pdf'), pdf);
  execFileSync('pdftoppm', [
    '-gray',
    '-r',
    '40',
    '-f',
    '1',
    '-l',
    '1',
    path.join(dir, 'a.pdf'),
    path.join(dir, 'p'),
  ]);
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.pgm'))!;
  const buf = fs.readFileSync(path.join(dir, file));
  const header = buf.subarray(0, 40).toString('latin1').split(/\s+/);
  const [w, h] = [Number(header[1]), Number(header[2])];
  const pixels = buf.subarray(buf.length - w * h);
  let dark = 0;
  let total = 0;
  for (let y = Math.floor(h * top); y < Math.floor(h * bottom); y++) {
    for (let x = 0; x < w; x++) {
      total++;
      if (pixels[y * w + x]! < 128) dark++;
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return dark / total;
}

const pdfText = (pdf: Buffer): string =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

describe('certification batches', () => {
  it('certifies an application inside an open batch, creating a numbered station on the public list', async () => {
    const { app, city, unit } = await recommended();
    expectError(await act(city.client, app.id, 'certify', { opinion: '同意认定' }), 409, 'NOT_IN_BATCH');
    const batch = await city.client.post<{ id: number }>('/api/cert-batches', { name: '2026 年第 4 批' });
    expect(batch.status).toBe(201);
    expect(
      (
        await city.client.post(`/api/cert-batches/${batch.body.id}/applications`, {
          applicationIds: [app.id],
        })
      ).status,
    ).toBe(200);
    const listed = await city.client.get<{ items: Array<{ id: number; total: number; pending: number }> }>(
      '/api/cert-batches',
    );
    expect(listed.body.items.find((b) => b.id === batch.body.id)).toMatchObject({ total: 1, pending: 1 });
    expect((await city.client.get(`/api/cert-batches/${batch.body.id}`)).body).toMatchObject({
      name: '2026 年第 4 批',
      state: 'open',
      total: 1,
      pending: 1,
    });
    expectError(await city.client.get('/api/cert-batches/999999999'), 404, 'NOT_FOUND');
    expectError(await act(unit.client, app.id, 'withdraw'), 409, 'IN_BATCH');
    expectError(
      await city.client.post(`/api/cert-batches/${batch.body.id}/close`),
      409,
      'BATCH_NOT_EMPTY_PENDING',
    );

    const done = await act(city.client, app.id, 'certify', { opinion: '同意认定备案' });
    expect(done.status).toBe(200);
    expect(done.body.state).toBe('certified');
    expect(done.body.station?.number).toMatch(/^CQBH-\d{4}-\d{4}$/);
    expect((await city.client.post(`/api/cert-batches/${batch.body.id}/close`)).status).toBe(200);
    expectError(
      await city.client.post(`/api/cert-batches/${batch.body.id}/applications`, { applicationIds: [app.id] }),
      409,
      'BATCH_CLOSED',
    );

    const pub = await t
      .client()
      .get<{ items: Array<{ number: string; status: string }> }>(`/api/stations/public?pageSize=100`);
    expect(pub.body.items.map((s) => s.number)).toContain(done.body.station!.number);

    // Now the unit has a station: a new application is refused.
    expectError(await unit.client.post('/api/station-applications'), 409, 'STATION_EXISTS');
  });

  it('refuses to batch an application that is not recommended, changing nothing', async () => {
    const { unit, city } = await stationCast(t);
    const draft = await readyApplication(unit.client);
    const { app } = await recommended();
    const batch = await city.client.post<{ id: number }>('/api/cert-batches', { name: '混合批次' });
    expectError(
      await city.client.post(`/api/cert-batches/${batch.body.id}/applications`, {
        applicationIds: [app.id, draft.id],
      }),
      409,
      'STATE_CONFLICT',
    );
    const after = await city.client.get<AppView>(`/api/station-applications/${app.id}`);
    expect(after.body.batch).toBeNull();
  });

  it('keeps batches to the municipal office', async () => {
    const { officer, unit } = await stationCast(t);
    for (const c of [officer.client, unit.client]) {
      expectError(await c.get('/api/cert-batches'), 403, 'FORBIDDEN');
      expectError(await c.post('/api/cert-batches', { name: 'x' }), 403, 'FORBIDDEN');
    }
    expectError(await t.client().get('/api/cert-batches'), 401, 'UNAUTHENTICATED');
  });

  it('prints the application form and the certificate as Chinese PDFs', async () => {
    const { app, city, unit, officer } = await recommended();
    const res = await fetch(`${t.baseUrl}/api/station-applications/${app.id}/pdf`, {
      headers: {
        cookie: [...unit.client.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
        'x-forwarded-for': unit.client.ip,
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = pdfText(pdf);
    for (const s of [
      '重庆市博士后科研工作站设站申报表',
      '智能制造研究院',
      '刘强',
      '法定代表人（签字）',
      '单位（盖章）',
    ])
      expect(text).toContain(s);
    // The title band is drawn (glyphs, not empty boxes or nothing).
    expect(inkShare(pdf, 0.05, 0.1)).toBeGreaterThan(0.01);

    const batch = await city.client.post<{ id: number }>('/api/cert-batches', { name: '证书批次' });
    await city.client.post(`/api/cert-batches/${batch.body.id}/applications`, { applicationIds: [app.id] });
    const done = await act(city.client, app.id, 'certify', { opinion: '同意' });
    const sid = done.body.station!.id;
    const cookies = (c: typeof unit.client) => ({
      cookie: [...c.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
      'x-forwarded-for': c.ip,
    });
    const cert = await fetch(`${t.baseUrl}/api/stations/${sid}/certificate.pdf`, {
      headers: cookies(officer.client),
    });
    expect(cert.status).toBe(200);
    const certText = pdfText(Buffer.from(await cert.arrayBuffer()));
    expect(certText).toContain(done.body.station!.number);
    expect(certText.replace(/\s/g, '')).toContain('认定备案证书');
    // Digits after Latin letters keep their glyphs and text (a shaping-feature pitfall of fontkit).
    expect(certText).toMatch(/工作站编号\s+CQBH-\d{4}-\d{4}/);
    const stranger = await buildActor(t, 'unit');
    expect(
      (await fetch(`${t.baseUrl}/api/stations/${sid}/certificate.pdf`, { headers: cookies(stranger.client) }))
        .status,
    ).toBe(404);
  });

  it('exports the queue as Excel with the filters applied', async () => {
    const { app, officer } = await recommended();
    const res = await fetch(`${t.baseUrl}/api/station-applications/export.xlsx?state=recommended`, {
      headers: {
        cookie: [...officer.client.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
        'x-forwarded-for': officer.client.ip,
      },
    });
    expect(res.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet('设站申请')!;
    expect(ws.getRow(1).getCell(2).value).toBe('单位名称');
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(1).value).toBe(app.id);
    expect(ws.getRow(2).getCell(5).value).toBe('已推荐待认定');
  });
});

describe('review reminders', () => {
  it('reminds the district office once a day of applications waiting longer than the configured days', async () => {
    const { remindPendingReviews } = await import('./reminders.js');
    const { unit, officer } = await stationCast(t);
    const app = await readyApplication(unit.client);
    await act(unit.client, app.id, 'submit');
    const submittedAt = new Date(Date.now() - 6 * 86_400_000).toISOString();
    await t.db
      .updateTable('station_applications')
      .set({ submitted_at: submittedAt })
      .where('id', '=', app.id)
      .execute();
    const now = new Date();
    expect(await remindPendingReviews(t.db, 7, now)).toBe(0);
    const first = await remindPendingReviews(t.db, 5, now);
    expect(first).toBeGreaterThanOrEqual(1);
    // Same day again: this application is not reminded twice.
    const again = await t.db
      .selectFrom('station_applications')
      .select('reminded_at')
      .where('id', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(again.reminded_at).toBe(now.toISOString());
    await remindPendingReviews(t.db, 5, new Date(now.getTime() + 3600_000));
    const still = await t.db
      .selectFrom('station_applications')
      .select('reminded_at')
      .where('id', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(still.reminded_at).toBe(now.toISOString());
    // Other test files share the outbox: keep draining until this notification has arrived.
    const titles = async (): Promise<string[]> =>
      (await officer.client.get<{ items: Array<{ title: string }> }>('/api/notifications')).body.items.map(
        (n) => n.title,
      );
    await drainUntil(t, async () => (await titles()).includes(`设站申请 #${app.id} 已等待审核 6 天`));
    expect(await titles()).toContain(`设站申请 #${app.id} 已等待审核 6 天`);
  });
});
