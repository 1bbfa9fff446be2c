import type { Bilingual } from '../i18n/types';

const b = (zh: string, en: string): Bilingual => ({ zh, en });

/** 操作手册 lines for the station registry, service guides and statistics; content/roles.ts uses them. */
export const REGISTRY_GUIDE: { unit: Bilingual[]; district: Bilingual[]; municipal: Bilingual[] } = {
  unit: [
    b(
      '我的工作站：查看本单位工作站的状态、认定日期、动态调整年限（未招收年数、整改期）和变更记录',
      'My workstation: status, certification date, the adjustment count (years without a recruit, rectification period) and history',
    ),
    b(
      '登记进站：点击“登记进站”，填写博士后姓名、身份证号（实时校验）、合作导师（须在申报时的导师名单中）、联合培养流动站、研究项目和进站日期；出站时点击该人员的“出站”填写出站日期',
      'Record an entry: name, ID number (checked as you type), co-supervisor (from the application’s roster), mobile station, project and entry date; click Exit to record an exit date',
    ),
    b(
      '连续三年未招收的工作站进入一年整改期，整改期内招收即恢复正常；整改期满仍未招收的，提请市博管办注销设站资格',
      'Three years without a recruit start a one-year rectification period; a recruit in it restores the station; otherwise deregistration is proposed',
    ),
  ],
  district: [
    b(
      '工作站管理：查看本区县工作站名录，按状态、关键词和“预警”（两年以上未招收）筛选，导出 Excel；点击编号查看进站人员和变更记录',
      'Workstations: your district’s registry, filtered by status, keyword and at-risk (no recruit for 2+ years), exported to Excel; open a station for its postdocs and history',
    ),
    b(
      '服务指南：填写本区县人才服务卡、子女入学、医疗保健、住房保障、配偶就业、交通出行、学术交流七部分并保存，门户“区县博管办通讯录”展开本区县即可看到',
      'Service guide: fill in the seven sections (talent card, schooling, health care, housing, spouse employment, transport, academic exchange); they appear in the public directory',
    ),
    b(
      '统计分析：本区县工作站状态、设站申请、进站人数和预警工作站的图表与表格，每项可导出 Excel',
      'Statistics: charts and tables of your district’s stations, applications, recruits and at-risk stations, each exportable to Excel',
    ),
  ],
  municipal: [
    b(
      '工作站管理：全市工作站名录，按状态、区县、关键词和“预警”筛选并导出 Excel；“培育国家级”开关标记培育对象',
      'Workstations: the city’s registry with filters and Excel export; the cultivation switch marks national-level candidates',
    ),
    b(
      '导入工作站：下载模板填写已有工作站，上传后先“校验预览”查看每行每列的问题，选择“全部通过才导入”或“仅导入无误的行”后导入',
      'Import stations: fill the template, upload, check the row/column report, then import all-or-nothing or the valid rows only',
    ),
    b(
      '运行动态调整检查：按“连续四年未招收（最后一年为整改期）”规则变更状态并列出结果；对“提请注销”的工作站填写意见后“确认注销”或“不予注销”（不予注销则自当日重新计算）',
      'Run the adjustment check; for stations proposed for deregistration, confirm or decline with an opinion (declining restarts the count)',
    ),
    b(
      '注销设站资格：因严重违规或学术不端、无法继续开展博士后工作的，选择原因、填写意见并上传证明材料',
      'Deregister for misconduct or lost conditions, with the cause, an opinion and evidence',
    ),
    b(
      '统计分析：各区县工作站（按状态）、设站申请（按月份）、每年进站人数、预警工作站，图表与表格均可导出 Excel',
      'Statistics: stations by district and status, applications by month, recruits per year and at-risk stations, each exportable to Excel',
    ),
  ],
};
