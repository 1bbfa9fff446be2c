import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { toXlsx, xlsxFilename, type XlsxColumn } from '../../core/excel.js';
import { requireActor } from '../../core/http/request.js';
import type { DbOrTrx } from '../../db/index.js';
import type { Actor } from '../../policy/index.js';
import { todayInChina } from '../../../shared/roles.js';
import { STATUS_LABELS } from '../stations/lifecycle/registry.js';
import {
  applicationsByMonth,
  COUNTED_STATES,
  recruitsByYear,
  stationsAtRisk,
  stationsByDistrict,
  statsScope,
  StatsQuery,
  type ApplicationsRow,
  type Scope,
} from './queries.js';
import { APPLICATION_STATE_LABELS } from '../../../shared/labels.js';

interface Report<R> {
  /** The path segment: /api/stats/<kind> and /api/stats/<kind>/export.xlsx. */
  kind: string;
  summary: string;
  sheet: string;
  load(db: DbOrTrx, actor: Actor, scope: Scope): Promise<{ rows: R[] }>;
  columns: XlsxColumn<R>[];
}
const report = <R>(r: Report<R>): Report<unknown> => r as unknown as Report<unknown>;

const REPORTS: Report<unknown>[] = [
  report({
    kind: 'stations',
    summary: 'Stations by district and status',
    sheet: '工作站分布',
    load: (db, _a, scope) => stationsByDistrict(db, scope),
    columns: [
      { header: '区县', width: 22, value: (r) => r.regionName },
      { header: '正常', width: 10, value: (r) => r.active },
      { header: '整改期', width: 10, value: (r) => r.rectification },
      { header: '已注销', width: 10, value: (r) => r.deregistered },
      { header: '合计', width: 10, value: (r) => r.total },
    ],
  }),
  report<ApplicationsRow>({
    kind: 'applications',
    summary: 'Applications by state and month of submission (China time)',
    sheet: '设站申请',
    load: (db, _a, scope) => applicationsByMonth(db, scope),
    columns: [
      { header: '提交月份', width: 12, value: (r) => r.month },
      ...COUNTED_STATES.map((s) => ({
        header: APPLICATION_STATE_LABELS[s]?.['zh-CN'] ?? s,
        width: 12,
        value: (r: ApplicationsRow) => r[s],
      })),
      { header: '合计', width: 10, value: (r) => r.total },
    ],
  }),
  report({
    kind: 'recruits',
    summary: 'Postdocs entering and leaving per year',
    sheet: '招收情况',
    load: (db, _a, scope) => recruitsByYear(db, scope),
    columns: [
      { header: '年份', width: 10, value: (r) => r.year },
      { header: '进站人数', width: 12, value: (r) => r.entries },
      { header: '出站人数', width: 12, value: (r) => r.exits },
      { header: '招收工作站数', width: 14, value: (r) => r.stations },
    ],
  }),
  report({
    kind: 'at-risk',
    summary: 'Live stations without a recruit for two years or more',
    sheet: '预警工作站',
    load: (db, actor, scope) => stationsAtRisk(db, actor, scope, todayInChina()),
    columns: [
      { header: '工作站编号', width: 18, value: (r) => r.number },
      { header: '设站单位', width: 32, value: (r) => r.unitName },
      { header: '区县', width: 14, value: (r) => r.regionName },
      { header: '状态', width: 10, value: (r) => STATUS_LABELS[r.status] ?? r.status },
      { header: '认定日期', width: 12, value: (r) => r.certifiedAt },
      { header: '最近进站', width: 12, value: (r) => r.lastEntry ?? '' },
      { header: '未招收年数', width: 10, value: (r) => r.yearsWithoutRecruit },
      { header: '已提请注销', width: 10, value: (r) => (r.deregistrationProposed ? '是' : '否') },
    ],
  }),
];

/** Dashboard statistics and their Excel tables: the municipal office city-wide, a district its own. */
export async function statsRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['statistics'];
  for (const r of REPORTS) {
    app.get(
      `/api/stats/${r.kind}`,
      { schema: { tags, summary: `${r.summary} (scoped)`, querystring: StatsQuery } },
      async (req) => {
        const actor = requireActor(req);
        const scope = await statsScope(app.deps.db, actor, req.query);
        return r.load(app.deps.db, actor, scope);
      },
    );
    app.get(
      `/api/stats/${r.kind}/export.xlsx`,
      { schema: { tags, summary: `${r.summary} as Excel (scoped)`, querystring: StatsQuery } },
      async (req, reply) => {
        const actor = requireActor(req);
        const scope = await statsScope(app.deps.db, actor, req.query);
        const { rows } = await r.load(app.deps.db, actor, scope);
        const name = scope.regionName ? `${r.sheet}-${scope.regionName}` : r.sheet;
        const buf = await toXlsx(r.sheet, r.columns, rows);
        reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('Content-Disposition', xlsxFilename(name));
        return reply.send(buf);
      },
    );
  }
}
