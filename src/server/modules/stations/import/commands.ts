import { createHash } from 'node:crypto';
import { writeAuditMany, type AuditEntry } from '../../../core/audit.js';
import type { CommandCtx } from '../../../core/context.js';
import { fieldMessage, interpolate, type Lang } from '../../../core/messages.js';
import { nowIso, type Trx } from '../../../db/index.js';
import { authorizeType } from '../../../policy/index.js';
import { todayInChina } from '../../../../shared/roles.js';
import type { Sheet } from './read.js';
import {
  checkRows,
  COLUMN_HEADERS,
  type CheckedRow,
  type ImportContext,
  type StationRow,
} from './validate.js';
import { normaliseHeader } from './template.js';

export const IMPORT_MODES = ['all_or_nothing', 'good_rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportRequest {
  filename: string;
  /** The uploaded bytes (hashed into the summary audit record). */
  data: Buffer;
  /** The sheet as read by `readImportSheet`, before the transaction starts. */
  sheet: Sheet;
  mode: ImportMode;
  dryRun: boolean;
}

export interface ReportRow {
  /** The row number in the sheet, as Excel shows it (the header is row 1). */
  row: number;
  ok: boolean;
  number: string;
  errors: Array<{ column: string; columnLetter: string; code: string; message: string }>;
}

export interface ImportReport {
  mode: ImportMode;
  dryRun: boolean;
  /** Data rows read (empty rows skipped). */
  total: number;
  valid: number;
  invalid: number;
  /** Stations created: 0 on a dry run, or when any row is bad in `all_or_nothing`. */
  imported: number;
  rows: ReportRow[];
  stations: Array<{ row: number; id: number; number: string; unitId: number; unitCreated: boolean }>;
}

const chunks = <T>(xs: T[], n = 500): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

async function context(trx: Trx, numbers: string[], codes: string[]): Promise<ImportContext> {
  const regionRows = await trx
    .selectFrom('regions')
    .select(['id', 'name'])
    .where('kind', '=', 'district')
    .execute();
  const regions = new Map(regionRows.map((r) => [normaliseHeader(r.name), r.id]));
  const existingNumbers = new Set<string>();
  for (const c of chunks(numbers))
    for (const r of await trx.selectFrom('stations').select('number').where('number', 'in', c).execute())
      existingNumbers.add(r.number);
  const units: ImportContext['units'] = new Map();
  for (const c of chunks(codes)) {
    const rows = await trx
      .selectFrom('units as u')
      .leftJoin('stations as s', (j) =>
        j.onRef('s.unit_id', '=', 'u.id').on('s.status', '!=', 'deregistered'),
      )
      .select(['u.id', 'u.credit_code', 'u.region_id', 's.number'])
      .where('u.credit_code', 'in', c)
      .execute();
    for (const r of rows)
      units.set(r.credit_code, {
        id: r.id,
        regionId: r.region_id,
        liveStation: r.number ?? units.get(r.credit_code)?.liveStation ?? null,
      });
  }
  const regionNames = new Map(
    (await trx.selectFrom('regions').select(['id', 'name']).execute()).map((r) => [r.id, r.name]),
  );
  return { today: todayInChina(), regions, regionNames, existingNumbers, units };
}

function present(rows: CheckedRow[], letters: Record<string, string>, lang: Lang): ReportRow[] {
  return rows.map((r) => ({
    row: r.row,
    ok: r.errors.length === 0,
    number: r.number,
    errors: r.errors.map((e) => ({
      column: COLUMN_HEADERS[e.key],
      columnLetter: letters[e.key] ?? '',
      code: e.code,
      message: interpolate(fieldMessage(e.code, lang), e.params),
    })),
  }));
}

async function createStation(ctx: CommandCtx, s: StationRow, known: ImportContext['units'], now: string) {
  let unit = known.get(s.creditCode);
  let unitCreated = false;
  if (!unit) {
    const row = await ctx.trx
      .insertInto('units')
      .values({
        name: s.unitName,
        unit_type: s.unitType,
        credit_code: s.creditCode,
        // Not in the import: the unit completes its profile when it registers.
        registration_date: '',
        region_id: s.regionId,
        contact_name: '',
        contact_phone: '',
        contact_email: '',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    unit = { id: row.id, regionId: s.regionId, liveStation: s.number };
    known.set(s.creditCode, unit);
    unitCreated = true;
  }
  const station = await ctx.trx
    .insertInto('stations')
    .values({
      number: s.number,
      unit_id: unit.id,
      region_id: s.regionId,
      application_id: null,
      batch_id: null,
      level: 'municipal',
      national_cultivation: s.cultivation,
      status: 'active',
      certified_at: `${s.certifiedOn}T00:00:00.000Z`,
      created_at: now,
      // The four-year count runs from the latest entry when the file gives one (seed 000 §四(一)).
      count_from: s.lastEntry && s.lastEntry > s.certifiedOn ? s.lastEntry : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.trx
    .insertInto('station_events')
    .values({
      station_id: station.id,
      action: 'imported',
      from_status: '',
      to_status: 'active',
      actor_id: ctx.actor?.id ?? null,
      actor_name: ctx.actor?.displayName ?? 'system',
      at: now,
    })
    .execute();
  return { id: station.id, unitId: unit.id, unitCreated };
}

/**
 * Imports the city's existing stations from the template (seed 000 §四/§五), in the caller's one
 * transaction: every row is checked first; in `all_or_nothing` one bad row stops the whole import, in
 * `good_rows` the good rows are imported and the bad ones reported. One audit record per station and
 * one for the import.
 */
export async function importStations(ctx: CommandCtx, req: ImportRequest, lang: Lang): Promise<ImportReport> {
  authorizeType(ctx.actor, 'station', 'import');
  const { sheet } = req;
  const texts = (k: 'number' | 'creditCode') =>
    sheet.rows.flatMap(({ cells }) => {
      const c = cells[k];
      return c.kind === 'text' ? [k === 'creditCode' ? c.text.toUpperCase() : c.text] : [];
    });
  const known = await context(ctx.trx, [...new Set(texts('number'))], [...new Set(texts('creditCode'))]);
  const checked = checkRows(sheet, known);
  const good = checked.flatMap((r) => (r.station ? [r.station] : []));
  const report: ImportReport = {
    mode: req.mode,
    dryRun: req.dryRun,
    total: checked.length,
    valid: good.length,
    invalid: checked.length - good.length,
    imported: 0,
    rows: present(checked, sheet.letters, lang),
    stations: [],
  };
  if (req.dryRun || good.length === 0 || (req.mode === 'all_or_nothing' && report.invalid > 0)) return report;

  const now = nowIso();
  const audits: AuditEntry[] = [];
  for (const s of good) {
    const made = await createStation(ctx, s, known.units, now);
    report.stations.push({
      row: s.row,
      id: made.id,
      number: s.number,
      unitId: made.unitId,
      unitCreated: made.unitCreated,
    });
    audits.push({
      action: 'station.imported',
      entityType: 'station',
      entityId: made.id,
      regionId: s.regionId,
      after: {
        number: s.number,
        unitId: made.unitId,
        unitCreated: made.unitCreated,
        unitName: s.unitName,
        creditCode: s.creditCode,
        unitType: s.unitType,
        certifiedOn: s.certifiedOn,
        nationalCultivation: s.cultivation === 1,
        lastEntry: s.lastEntry,
        row: s.row,
      },
    });
  }
  report.imported = good.length;
  const sha256 = createHash('sha256').update(req.data).digest('hex');
  audits.push({
    action: 'station.import_completed',
    entityType: 'station_import',
    entityId: sha256.slice(0, 16),
    after: {
      filename: req.filename,
      sha256,
      mode: req.mode,
      total: report.total,
      imported: report.imported,
      skippedRows: checked.filter((r) => !r.station).map((r) => r.row),
      unitsCreated: report.stations.filter((s) => s.unitCreated).length,
    },
  });
  await writeAuditMany(ctx, audits);
  return report;
}
