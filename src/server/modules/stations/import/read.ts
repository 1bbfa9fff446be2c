import ExcelJS from 'exceljs';
import { AppError } from '../../../core/errors.js';
import {
  columnLetter,
  DATA_SHEET,
  HELP_SHEET,
  IMPORT_COLUMNS,
  normaliseHeader,
  REGION_SHEET,
  type ImportKey,
} from './template.js';

/** A cell as the validator sees it: text, a calendar date (from a date cell), or a number. */
export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'date'; date: string }
  | { kind: 'number'; value: number };

export interface SheetRow {
  /** The row number in the sheet (the header is row 1). */
  row: number;
  cells: Record<ImportKey, Cell>;
}

export interface Sheet {
  /** Column letter of each template column in the uploaded file. */
  letters: Record<ImportKey, string>;
  rows: SheetRow[];
}

export const MAX_ROWS = 5000;

function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

/** The plain value behind formulas, rich text and hyperlinks. */
function toCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (v instanceof Date) {
    // Excel stores dates without a zone; exceljs reads them as UTC midnight of that calendar day.
    return Number.isNaN(v.getTime())
      ? { kind: 'text', text: '' }
      : { kind: 'date', date: v.toISOString().slice(0, 10) };
  }
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'text', text: v ? '是' : '否' };
  if (typeof v === 'string') return v.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: v.trim() };
  if ('richText' in v) {
    const text = v.richText
      .map((t) => t.text)
      .join('')
      .trim();
    return text ? { kind: 'text', text } : { kind: 'empty' };
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? { kind: 'empty' } : toCell(result);
  }
  if ('hyperlink' in v) return toCell((v as { text?: ExcelJS.CellValue }).text ?? null);
  if ('error' in v) return { kind: 'text', text: String((v as { error: unknown }).error) };
  return { kind: 'text', text: String(v) };
}

/**
 * Reads the data sheet of an uploaded workbook. Refuses what is not an .xlsx file (415), a header
 * that is not the template's (422, naming the missing and the unknown columns), and an empty or
 * oversized sheet. Fully empty rows are skipped.
 */
export async function readImportSheet(buf: Buffer): Promise<Sheet> {
  if (!isZip(buf)) throw new AppError('IMPORT_NOT_XLSX');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_NOT_XLSX');
  }
  const ws =
    wb.getWorksheet(DATA_SHEET) ??
    wb.worksheets.find((w) => w.name !== HELP_SHEET && w.name !== REGION_SHEET);
  if (!ws) throw new AppError('IMPORT_EMPTY');

  const expected = new Map<string, ImportKey>(IMPORT_COLUMNS.map((c) => [normaliseHeader(c.header), c.key]));
  const found = new Map<ImportKey, number>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const c = toCell(cell.value);
    const text =
      c.kind === 'text' ? c.text : c.kind === 'number' ? String(c.value) : c.kind === 'date' ? c.date : '';
    if (!text) return;
    const key = expected.get(normaliseHeader(text));
    if (!key) unknown.push(text);
    else if (found.has(key)) duplicate.push(text);
    else found.set(key, col);
  });
  const missing = IMPORT_COLUMNS.filter((c) => !found.has(c.key)).map((c) => c.header);
  if (missing.length || unknown.length || duplicate.length) {
    throw new AppError(
      'IMPORT_COLUMNS',
      { missing: missing.join('、') || '—', unknown: [...unknown, ...duplicate].join('、') || '—' },
      [
        ...missing.map((h) => ({ path: h, key: 'column_missing' })),
        ...unknown.map((h) => ({ path: h, key: 'column_unknown' })),
        ...duplicate.map((h) => ({ path: h, key: 'column_duplicate' })),
      ],
    );
  }
  if (ws.actualRowCount - 1 > MAX_ROWS)
    throw new AppError('IMPORT_TOO_MANY_ROWS', { max: MAX_ROWS, count: ws.actualRowCount - 1 });

  const letters = Object.fromEntries(
    IMPORT_COLUMNS.map((c) => [c.key, columnLetter(found.get(c.key)!)]),
  ) as Record<ImportKey, string>;
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = Object.fromEntries(
      IMPORT_COLUMNS.map((c) => [c.key, toCell(r.getCell(found.get(c.key)!).value)]),
    ) as Record<ImportKey, Cell>;
    if (Object.values(cells).every((c) => c.kind === 'empty')) return;
    rows.push({ row: rowNumber, cells });
  });
  if (rows.length === 0) throw new AppError('IMPORT_EMPTY');
  return { letters, rows };
}
