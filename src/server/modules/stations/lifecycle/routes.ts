import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toXlsx, xlsxFilename } from '../../../core/excel.js';
import { requireActor, runCommand } from '../../../core/http/request.js';
import { allowedActions, authorizeType } from '../../../policy/index.js';
import { assessStation } from '../../../../shared/stations/adjustment.js';
import { todayInChina } from '../../../../shared/roles.js';
import { IsoDate } from '../../accounts/schemas.js';
import { runAdjustment } from './adjustment-job.js';
import {
  decideProposal,
  DecisionBody,
  DeregisterBody,
  deregisterStation,
  setCultivation,
  CAUSE_LABELS,
} from './deregistration.js';
import { addRecruit, loadStation, presentRecruits, RecruitBody, setExitDate } from './recruits.js';
import { listStations, ListStationsQuery, STATUS_LABELS } from './registry.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const RecruitParams = IdParams.extend({ rid: z.coerce.number().int().positive() });

/** The station registry: records, recruits, adjustment and deregistration (seed 000 §四). */
export async function registryRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['stations'];
  const today = (): string => todayInChina();

  app.get(
    '/api/stations',
    { schema: { tags, summary: 'Registry (scoped)', querystring: ListStationsQuery } },
    async (req) => listStations(app.deps.db, requireActor(req), req.query, today()),
  );

  app.get(
    '/api/stations/export.xlsx',
    { schema: { tags, summary: 'Registry as Excel', querystring: ListStationsQuery } },
    async (req, reply) => {
      const { items } = await listStations(app.deps.db, requireActor(req), req.query, today(), true);
      const buf = await toXlsx(
        '工作站名录',
        [
          { header: '工作站编号', width: 18, value: (r) => r.number },
          { header: '设站单位', width: 32, value: (r) => r.unitName },
          { header: '区县', width: 14, value: (r) => r.regionName },
          { header: '状态', width: 10, value: (r) => STATUS_LABELS[r.status] ?? r.status },
          { header: '培育国家级', width: 10, value: (r) => (r.nationalCultivation ? '是' : '否') },
          { header: '认定日期', width: 12, value: (r) => r.certifiedAt.slice(0, 10) },
          { header: '最近进站', width: 12, value: (r) => r.lastEntry ?? '' },
          { header: '未招收年数', width: 10, value: (r) => r.yearsWithoutRecruit },
        ],
        items,
      );
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', xlsxFilename('工作站名录'));
      return reply.send(buf);
    },
  );

  app.post(
    '/api/stations/adjustment/run',
    { schema: { tags, summary: 'Run the adjustment check now (municipal office)' } },
    async (req) => {
      const actor = requireActor(req);
      authorizeType(actor, 'station', 'run_adjustment');
      const report = await runAdjustment(app.deps.db, app.deps.dialect, today(), actor);
      app.deps.kickOutbox();
      return report;
    },
  );

  app.get(
    '/api/stations/:id',
    { schema: { tags, summary: 'One station with recruits, assessment and history', params: IdParams } },
    async (req) => {
      const actor = requireActor(req);
      const s = await loadStation(app.deps.db, actor, req.params.id);
      const d = app.deps.db;
      const [unit, region, events, recruits] = await Promise.all([
        d
          .selectFrom('units')
          .select(['id', 'name', 'credit_code'])
          .where('id', '=', s.unit_id)
          .executeTakeFirstOrThrow(),
        d
          .selectFrom('regions')
          .select(['id', 'name'])
          .where('id', '=', s.region_id)
          .executeTakeFirstOrThrow(),
        d.selectFrom('station_events').selectAll().where('station_id', '=', s.id).orderBy('id').execute(),
        presentRecruits(d, app.deps.cipher, actor, s),
      ]);
      const from =
        s.count_from && s.count_from > s.certified_at.slice(0, 10)
          ? s.count_from
          : s.certified_at.slice(0, 10);
      const entries = recruits.map((r) => r.entryDate);
      const res = { id: s.id, unitId: s.unit_id, regionId: s.region_id };
      const actions = allowedActions(actor, 'station', res).filter((a) => {
        if (s.status === 'deregistered') return a === 'view';
        if (a === 'decide_deregistration') return s.deregistration_proposed_at !== null;
        return true;
      });
      return {
        id: s.id,
        number: s.number,
        status: s.status,
        level: s.level,
        nationalCultivation: s.national_cultivation === 1,
        certifiedAt: s.certified_at,
        deregistrationProposedAt: s.deregistration_proposed_at,
        deregisteredAt: s.deregistered_at,
        applicationId: s.application_id,
        unit: { id: unit.id, name: unit.name, creditCode: unit.credit_code },
        region,
        assessment:
          s.status === 'deregistered'
            ? null
            : assessStation({ certifiedOn: from, recruitEntries: entries }, today()),
        recruits,
        events: events.map((e) => ({
          id: e.id,
          action: e.action,
          from: e.from_status,
          to: e.to_status,
          actorName: e.actor_name,
          cause: e.cause,
          causeLabel: CAUSE_LABELS[e.cause] ?? '',
          opinion: e.opinion,
          evidence: JSON.parse(e.evidence_json) as number[],
          at: e.at,
        })),
        actions,
      };
    },
  );

  app.post(
    '/api/stations/:id/recruits',
    { schema: { tags, summary: 'Record a postdoc entering (unit)', params: IdParams, body: RecruitBody } },
    async (req, reply) => {
      requireActor(req);
      const id = await runCommand(app, req, (ctx) =>
        addRecruit(ctx, app.deps.cipher, req.params.id, req.body),
      );
      reply.status(201);
      return { id };
    },
  );

  app.post(
    '/api/stations/:id/recruits/:rid/exit',
    {
      schema: {
        tags,
        summary: 'Record an exit date',
        params: RecruitParams,
        body: z.object({ exitDate: IsoDate }),
      },
    },
    async (req) => {
      requireActor(req);
      await runCommand(app, req, (ctx) => setExitDate(ctx, req.params.id, req.params.rid, req.body.exitDate));
      return { ok: true };
    },
  );

  app.post(
    '/api/stations/:id/cultivation',
    {
      schema: {
        tags,
        summary: 'Flag as cultivated for national level',
        params: IdParams,
        body: z.object({ flag: z.boolean() }),
      },
    },
    async (req) => {
      requireActor(req);
      await runCommand(app, req, (ctx) => setCultivation(ctx, req.params.id, req.body.flag));
      return { ok: true };
    },
  );

  app.post(
    '/api/stations/:id/deregister',
    {
      schema: {
        tags,
        summary: 'Deregister for misconduct or lost conditions',
        params: IdParams,
        body: DeregisterBody,
      },
    },
    async (req) => {
      requireActor(req);
      await runCommand(app, req, (ctx) => deregisterStation(ctx, req.params.id, req.body));
      return { ok: true };
    },
  );

  for (const [path, confirm] of [
    ['confirm', true],
    ['decline', false],
  ] as const) {
    app.post(
      `/api/stations/:id/deregistration/${path}`,
      {
        schema: { tags, summary: `${path} a proposed deregistration`, params: IdParams, body: DecisionBody },
      },
      async (req) => {
        requireActor(req);
        await runCommand(app, req, (ctx) => decideProposal(ctx, req.params.id, confirm, req.body.opinion));
        return { ok: true };
      },
    );
  }
}
