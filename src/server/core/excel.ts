import ExcelJS from 'exceljs';

export interface XlsxColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null;
}

/** One sheet with a bold, frozen header row: what every "导出 Excel" button downloads. */
export async function toXlsx<T>(sheetName: string, columns: XlsxColumn<T>[], rows: T[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '博后通';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function xlsxFilename(base: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(`${base}-${new Date().toISOString().slice(0, 10)}.xlsx`)}`;
}
