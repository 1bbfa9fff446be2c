import type { ApiClient, ApiResponse } from '../../test/client.js';
import { buildActor, buildDistrict } from '../../test/factories.js';
import type { TestApp } from '../../test/harness.js';
import { completeForm } from '../../../shared/stations/fixtures.js';

export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** Multipart upload through the real HTTP layer, with the client's cookies and CSRF token. */
export async function upload(
  c: ApiClient,
  data: Buffer,
  opts: { filename?: string; purpose?: string; type?: string } = {},
): Promise<ApiResponse<{ id: number; mime: string; size: number; sha256: string; filename: string }>> {
  if (!c.cookie('bohou_csrf')) await c.get('/api/auth/session');
  const form = new FormData();
  form.append('purpose', opts.purpose ?? 'evidence');
  form.append(
    'file',
    new Blob([new Uint8Array(data)], { type: opts.type ?? 'application/pdf' }),
    opts.filename ?? '证明材料.pdf',
  );
  const res = await fetch(`${c.baseUrl}/api/files`, {
    method: 'POST',
    body: form,
    headers: {
      'x-forwarded-for': c.ip,
      'x-csrf-token': c.cookie('bohou_csrf') ?? '',
      cookie: [...c.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
    },
  });
  const text = await res.text();
  const body = (text ? JSON.parse(text) : null) as {
    id: number;
    mime: string;
    size: number;
    sha256: string;
    filename: string;
  };
  return { status: res.status, body, text, headers: res.headers, setCookies: [] };
}

export interface AppView {
  id: number;
  state: string;
  revision: number;
  actions: string[];
  eligibility: { eligible: boolean; missing: Array<{ path: string; key: string }> };
  timeline: Array<{
    action: string;
    from: string;
    to: string;
    opinion: string;
    actorName: string;
    flagged: string[];
  }>;
  station: { id: number; number: string } | null;
  flagged: string[];
  batch: { id: number } | null;
}

/** A district with its officer, a unit user in it, and a municipal officer. */
export async function stationCast(t: TestApp) {
  const district = await buildDistrict(t.db);
  const unit = await buildActor(t, 'unit', { regionId: district.id });
  const officer = await buildActor(t, 'district_officer', { regionId: district.id });
  const city = await buildActor(t, 'municipal_officer');
  return { district, unit, officer, city };
}

/** A unit's application filled to eligibility with uploaded evidence and the sealed scan; not submitted. */
export async function readyApplication(c: ApiClient): Promise<AppView> {
  const created = await c.post<AppView>('/api/station-applications');
  if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text}`);
  const ev = await upload(c, PDF_BYTES);
  const saved = await c.put<{ revision: number }>(`/api/station-applications/${created.body.id}/form`, {
    form: completeForm(ev.body.id),
    revision: created.body.revision,
  });
  if (saved.status !== 200) throw new Error(`save: ${saved.status} ${saved.text}`);
  const scan = await upload(c, PDF_BYTES, { purpose: 'sealed_scan', filename: '盖章申报表.pdf' });
  const withScan = await c.post<AppView>(`/api/station-applications/${created.body.id}/sealed-scan`, {
    fileId: scan.body.id,
  });
  if (withScan.status !== 200) throw new Error(`scan: ${withScan.status} ${withScan.text}`);
  return withScan.body;
}

export async function act(c: ApiClient, id: number, action: string, body: Record<string, unknown> = {}) {
  return c.post<AppView>(`/api/station-applications/${id}/actions/${action}`, body);
}
