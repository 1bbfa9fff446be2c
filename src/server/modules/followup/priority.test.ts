import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../db/index.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { act, readyApplication, stationCast } from '../stations/test-kit.js';
import { matchedProject } from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

interface AppWithFlag {
  id: number;
  matchPriority: { challenges: Array<{ id: number; title: string; link: string }> } | null;
}

describe('揭榜对接优先 on the station application', () => {
  it('flags the application of a matched poster unit without a station, for the reviewers and the unit', async () => {
    const cast = await matchedProject(t);
    const draft = await readyApplication(cast.unit.client);
    expect((await act(cast.unit.client, draft.id, 'submit')).status).toBe(200);
    const expected = {
      challenges: [
        { id: cast.tech.id, title: '高能量密度锂电池正极材料技术攻关', link: `/hall/${cast.tech.id}` },
      ],
    };
    for (const c of [cast.officer.client, cast.city.client, cast.unit.client]) {
      const res = await c.get<AppWithFlag>(`/api/station-applications/${draft.id}`);
      expect(res.status).toBe(200);
      expect(res.body.matchPriority).toEqual(expected);
    }
    // Once the unit has a certified station, it no longer needs the priority.
    await t.db
      .insertInto('stations')
      .values({
        number: `FT${draft.id}`,
        unit_id: cast.unit.user.unitId!,
        region_id: cast.district.id,
        application_id: null,
        batch_id: null,
        level: 'municipal',
        national_cultivation: 0,
        status: 'active',
        certified_at: nowIso(),
        certificate_file_id: null,
        created_at: nowIso(),
        count_from: null,
        deregistration_proposed_at: null,
        deregistered_at: null,
        status_changed_at: null,
      })
      .execute();
    const after = await cast.officer.client.get<AppWithFlag>(`/api/station-applications/${draft.id}`);
    expect(after.body.matchPriority).toBeNull();
  });

  it('does not flag a unit that is no party to a match', async () => {
    const cast = await stationCast(t);
    const draft = await readyApplication(cast.unit.client);
    await act(cast.unit.client, draft.id, 'submit');
    const res = await cast.officer.client.get<AppWithFlag>(`/api/station-applications/${draft.id}`);
    expect(res.status).toBe(200);
    expect(res.body.matchPriority).toBeNull();
  });
});
