import { isValidCreditCode } from '../../../../shared/credit-code.js';
import { UNIT_TYPE_LABELS } from '../../../../shared/labels.js';
import { UNIT_TYPES, type UnitType } from '../../../../shared/roles.js';
import type { Cell, Sheet } from './read.js';
import { IMPORT_COLUMNS, type ImportKey } from './template.js';

/** A problem in one cell: the column's template key, a message key (messages.ts) and its parameters. */
export interface CellError {
  key: ImportKey;
  code: string;
  params?: Record<string, string | number>;
}

export interface StationRow {
  row: number;
  number: string;
  unitName: string;
  creditCode: string;
  unitType: UnitType;
  regionId: number;
  certifiedOn: string;
  cultivation: 0 | 1;
  lastEntry: string | null;
}

export interface CheckedRow {
  row: number;
  /** The station number as read (for the report), '' when empty. */
  number: string;
  errors: CellError[];
  station: StationRow | null;
}

/** What the database already holds, for the checks that need it. */
export interface ImportContext {
  today: string;
  /** District name (and accepted aliases) → region id. */
  regions: Map<string, number>;
  regionNames: Map<number, string>;
  existingNumbers: Set<string>;
  /** Units already registered, by credit code. */
  units: Map<string, { id: number; regionId: number; liveStation: string | null }>;
}

/** Old or informal names of offices in the directory (DOMAIN.md; seed 000 附件2). */
export const REGION_ALIASES: Record<string, string> = {
  忠州: '忠县',
  忠州区: '忠县',
  万盛区: '万盛经开区',
  万盛: '万盛经开区',
  万盛经济技术开发区: '万盛经开区',
  重庆高新区: '西部科学城重庆高新区',
  西部科学城: '西部科学城重庆高新区',
  高新区: '西部科学城重庆高新区',
};

const LABEL_TO_TYPE = new Map<string, UnitType>(
  UNIT_TYPES.flatMap((t) => [
    [UNIT_TYPE_LABELS[t], t],
    [t, t],
  ]),
);
const YES = new Set(['是', 'Y', 'YES', '1', 'TRUE']);
const NO = new Set(['否', 'N', 'NO', '0', 'FALSE']);

function text(c: Cell): string {
  if (c.kind === 'text') return c.text;
  if (c.kind === 'number') return String(c.value);
  if (c.kind === 'date') return c.date;
  return '';
}

const real = (y: number, m: number, d: number): string | null => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
};

/** A calendar date from a date cell, an Excel serial number, or text such as 2019-06-18, 2019/6/18, 2019年6月18日. */
export function cellDate(c: Cell): string | null {
  if (c.kind === 'date') return c.date;
  if (c.kind === 'number') {
    if (!Number.isInteger(c.value) || c.value < 1 || c.value > 2_958_465) return null;
    return new Date(Date.UTC(1899, 11, 30) + c.value * 86_400_000).toISOString().slice(0, 10);
  }
  if (c.kind !== 'text') return null;
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(
    c.text.normalize('NFKC'),
  );
  return m ? real(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export function matchRegion(name: string, regions: Map<string, number>): number | undefined {
  const n = name.normalize('NFKC').replace(/\s+/g, '');
  return regions.get(n) ?? regions.get(REGION_ALIASES[n] ?? '');
}

/** Checks every row against the template's rules, the other rows of the file and the database. */
export function checkRows(sheet: Sheet, ctx: ImportContext): CheckedRow[] {
  const firstNumber = new Map<string, number>();
  const firstCode = new Map<string, number>();
  return sheet.rows.map(({ row, cells }) => {
    const errors: CellError[] = [];
    const err = (key: ImportKey, code: string, params?: Record<string, string | number>) =>
      errors.push({ key, code, ...(params ? { params } : {}) });
    const required = (key: ImportKey, max: number): string => {
      const v = text(cells[key]);
      if (!v) err(key, 'required');
      else if (v.length > max) err(key, 'too_long', { max });
      return v;
    };

    const number = required('number', 40);
    if (number) {
      const first = firstNumber.get(number);
      if (first !== undefined) err('number', 'import_duplicate_in_file', { row: first });
      else firstNumber.set(number, row);
      if (ctx.existingNumbers.has(number)) err('number', 'station_number_taken');
    }
    const unitName = required('unitName', 100);

    const creditCode = required('creditCode', 64).toUpperCase();
    const unit = ctx.units.get(creditCode);
    if (creditCode && !errors.some((e) => e.key === 'creditCode')) {
      if (!isValidCreditCode(creditCode)) err('creditCode', 'credit_code');
      else {
        const first = firstCode.get(creditCode);
        if (first !== undefined) err('creditCode', 'import_duplicate_in_file', { row: first });
        else firstCode.set(creditCode, row);
        if (unit?.liveStation) err('creditCode', 'unit_has_station', { number: unit.liveStation });
      }
    }

    const typeText = text(cells.unitType);
    const unitType = LABEL_TO_TYPE.get(typeText.normalize('NFKC').replace(/\s+/g, ''));
    if (!typeText) err('unitType', 'required');
    else if (!unitType) err('unitType', 'unit_type');

    const regionText = text(cells.region);
    const regionId = regionText ? matchRegion(regionText, ctx.regions) : undefined;
    if (!regionText) err('region', 'required');
    else if (regionId === undefined) err('region', 'import_region', { value: regionText.slice(0, 40) });
    else if (unit && unit.regionId !== regionId)
      err('region', 'unit_other_region', { region: ctx.regionNames.get(unit.regionId) ?? '' });

    const certifiedOn = dateIn(cells.certifiedOn, true, 'certifiedOn', ctx.today, err);
    const lastEntry = dateIn(cells.lastEntry, false, 'lastEntry', ctx.today, err);
    if (certifiedOn && lastEntry && lastEntry < certifiedOn) err('lastEntry', 'entry_before_certified');

    const flag = text(cells.cultivation).toUpperCase();
    const cultivation = YES.has(flag) ? 1 : NO.has(flag) || flag === '' ? 0 : null;
    if (cultivation === null) err('cultivation', 'yes_no');

    const ok = errors.length === 0;
    return {
      row,
      number,
      errors,
      station: ok
        ? {
            row,
            number,
            unitName,
            creditCode,
            unitType: unitType!,
            regionId: regionId!,
            certifiedOn: certifiedOn!,
            cultivation: cultivation!,
            lastEntry,
          }
        : null,
    };
  });
}

function dateIn(
  c: Cell,
  needed: boolean,
  key: ImportKey,
  today: string,
  err: (key: ImportKey, code: string) => void,
): string | null {
  if (c.kind === 'empty') {
    if (needed) err(key, 'required');
    return null;
  }
  const d = cellDate(c);
  if (!d) err(key, 'date_format');
  else if (d > today) err(key, 'date_future');
  return d && d <= today ? d : null;
}

/** The template's columns in order, for reports. */
export const COLUMN_HEADERS = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.header])) as Record<
  ImportKey,
  string
>;
