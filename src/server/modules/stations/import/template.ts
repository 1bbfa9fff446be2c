import ExcelJS from 'exceljs';
import { UNIT_TYPES } from '../../../../shared/roles.js';
import { UNIT_TYPE_LABELS } from '../../../../shared/labels.js';

/**
 * The Excel import of a city's existing stations: its columns, and the template the municipal office
 * downloads (a data sheet, an instructions sheet with a sample row, and the district list).
 */
export const IMPORT_COLUMNS = [
  {
    key: 'number',
    header: '工作站编号',
    required: true,
    width: 20,
    note: '已有的工作站编号，全市唯一，不超过 40 个字符',
    sample: 'CQBH-2019-0012',
  },
  {
    key: 'unitName',
    header: '单位名称',
    required: true,
    width: 34,
    note: '设站单位全称',
    sample: '重庆某某科技有限公司',
  },
  {
    key: 'creditCode',
    header: '统一社会信用代码',
    required: true,
    width: 24,
    note: '18 位，校验位须正确；已注册的单位按此代码匹配，未注册的将新建',
    sample: '91500000MA5U8W7X1X',
  },
  {
    key: 'unitType',
    header: '单位类型',
    required: true,
    width: 14,
    note: `${UNIT_TYPES.map((t) => UNIT_TYPE_LABELS[t]).join('、')} 之一`,
    sample: '企业',
  },
  {
    key: 'region',
    header: '区县',
    required: true,
    width: 22,
    note: '区县博管办名录中的名称（见“区县名录”表）',
    sample: '沙坪坝区',
  },
  {
    key: 'certifiedOn',
    header: '认定日期',
    required: true,
    width: 14,
    note: '日期，格式 YYYY-MM-DD，不晚于今天',
    sample: '2019-06-18',
  },
  {
    key: 'cultivation',
    header: '培育国家级(是/否)',
    required: false,
    width: 18,
    note: '“是”或“否”，留空视为“否”',
    sample: '否',
  },
  {
    key: 'lastEntry',
    header: '最近进站日期',
    required: false,
    width: 16,
    note: '最近一名博士后进站的日期（选填）；不早于认定日期、不晚于今天。动态调整的年限自此日（或认定日期）起算',
    sample: '2023-09-01',
  },
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export type ImportKey = ImportColumn['key'];

export const DATA_SHEET = '工作站导入';
export const HELP_SHEET = '填写说明';
export const REGION_SHEET = '区县名录';
/** Rows with data validation (drop-down lists) in the template. */
const TEMPLATE_ROWS = 1000;

/** The same header whatever width of brackets or spaces Excel or the user put in. */
export function normaliseHeader(h: string): string {
  return h.normalize('NFKC').replace(/\s+/g, '');
}

/** A, B, …, Z, AA, … for a 1-based column index. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export async function importTemplate(regionNames: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '博后通';
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFEDEDED' },
    };
    cell.note = `${c.required ? '必填' : '选填'}：${c.note}`;
  });
  // Codes and numbers as text, so Excel never turns a credit code into a rounded number.
  ws.getColumn('number').numFmt = '@';
  ws.getColumn('creditCode').numFmt = '@';
  ws.getColumn('certifiedOn').numFmt = 'yyyy-mm-dd';
  ws.getColumn('lastEntry').numFmt = 'yyyy-mm-dd';
  const types = `"${UNIT_TYPES.map((t) => UNIT_TYPE_LABELS[t]).join(',')}"`;
  const regions = `'${REGION_SHEET}'!$A$2:$A$${regionNames.length + 1}`;
  // One validation per column range (exceljs supports ranges at run time but does not type them; per
  // cell, its optimiser writes overlapping ranges that Excel offers to "repair").
  const { dataValidations } = ws as unknown as {
    dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
  };
  const last = TEMPLATE_ROWS + 1;
  dataValidations.add(`D2:D${last}`, { type: 'list', allowBlank: true, formulae: [types] });
  dataValidations.add(`E2:E${last}`, { type: 'list', allowBlank: true, formulae: [regions] });
  dataValidations.add(`G2:G${last}`, { type: 'list', allowBlank: true, formulae: ['"是,否"'] });

  const help = wb.addWorksheet(HELP_SHEET);
  help.columns = [
    { header: '列名', width: 20 },
    { header: '是否必填', width: 10 },
    { header: '填写要求', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) help.addRow([c.header, c.required ? '必填' : '选填', c.note]);
  help.addRow([]);
  help.addRow(['说明']).font = { bold: true };
  for (const line of [
    `在“${DATA_SHEET}”表中从第 2 行起每行填写一个工作站，不要修改、增删或调换第 1 行的列名。`,
    '上传后系统逐行校验，校验报告列出每个错误所在的行号和列名。',
    '默认“全部正确才导入”：任何一行有误则不导入任何数据；也可选择“仅导入正确的行”。',
    '可先“仅校验”（不导入）查看报告，修改后再正式导入。',
    '同一文件中工作站编号、统一社会信用代码不得重复；已存在的工作站编号不能再导入。',
  ])
    help.addRow([line]);
  help.addRow([]);
  help.addRow(['示例（请勿将本行复制到导入表以外的位置）']).font = { bold: true };
  help.addRow(IMPORT_COLUMNS.map((c) => c.header)).font = { bold: true };
  help.addRow(IMPORT_COLUMNS.map((c) => c.sample));

  const list = wb.addWorksheet(REGION_SHEET);
  list.columns = [{ header: '区县', width: 26 }];
  list.getRow(1).font = { bold: true };
  for (const n of regionNames) list.addRow([n]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
