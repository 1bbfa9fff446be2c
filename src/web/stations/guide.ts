import type { Bilingual } from '../i18n/types';

const b = (zh: string, en: string): Bilingual => ({ zh, en });

/** 操作手册 lines for the station application (设站申报), one list per role; content/roles.ts uses them. */
export const STATION_GUIDE: { unit: Bilingual[]; district: Bilingual[]; municipal: Bilingual[] } = {
  unit: [
    b(
      '设站申报：在“设站申报”点击“开始申报”，按 ① 单位基本情况 ② 基本条件 1–6 ③ 推荐条件 ④ 预览与提交 四步填写',
      'Station application: under Station application click Start, then fill in ① unit profile ② basic conditions 1–6 ③ recommended conditions ④ preview and submit',
    ),
    b(
      '基本条件须全部满足，推荐条件至少勾选一项；每项条件上传证明材料（PDF、PNG 或 JPEG，单个不超过 20 MB），合作导师和科研项目可逐条添加',
      'All basic conditions and at least one recommended condition, each with evidence (PDF, PNG or JPEG, up to 20 MB); add co-supervisors and projects one by one',
    ),
    b(
      '页面右侧“申报条件自查”实时列出尚缺内容，点击即可跳到对应位置',
      'The eligibility check beside the form lists what is missing; click an item to go there',
    ),
    b(
      '填写内容约 2 秒后自动保存（显示“已自动保存”），切换步骤时也会保存；刷新页面或登录超时后，本机未保存的内容可一键恢复',
      'Entries are saved about 2 s after each change and on every step change; after a reload or a timeout, unsaved entries in this browser can be restored',
    ),
    b(
      '在第 ④ 步下载申报表，打印后由法定代表人签字并加盖公章，上传盖章扫描件后点击“提交申请”',
      'In step ④ download the form, have it signed and sealed, upload the scan, then click Submit',
    ),
    b(
      '被退回修改时，页面显示区县意见，需修改的部分标红；修改后重新上传盖章扫描件并再次提交',
      'When returned, the district’s opinion is shown and the sections to correct are marked red; correct them, upload a new sealed scan and resubmit',
    ),
    b(
      '在“设站申报”查看审核进度和办理记录；认定后可查看工作站编号并下载认定证书',
      'Follow progress and history under Station application; once certified, see the station number and download the certificate',
    ),
  ],
  district: [
    b(
      '设站审核：在“设站审核”查看本区县单位提交的申请（默认显示“待区县审核”），可按状态、单位名称筛选并导出 Excel',
      'Application review: see your district’s applications (awaiting review by default), filter by state or name and export to Excel',
    ),
    b(
      '打开申请逐项核对各条件及证明材料（可在线预览 PDF 和图片）、盖章扫描件和办理记录',
      'Open an application to check every condition, its evidence (preview PDFs and images), the sealed scan and the history',
    ),
    b(
      '“推荐”须填写推荐意见；“退回修改”须填写退回意见并勾选需修改的部分；“不予推荐”须填写理由',
      'Recommend with a recommendation; Return with what to correct and the sections to fix; Do not recommend with a reason',
    ),
  ],
  municipal: [
    b(
      '认定审核：在“认定审核”查看各区县推荐的申请，可按区县、状态、是否已纳入批次筛选并导出 Excel',
      'Certification review: see recommended applications by district, state and batch; export to Excel',
    ),
    b(
      '认定批次：在“认定批次”新建批次，勾选已推荐、未纳入批次的申请点击“纳入本批次”',
      'Certification batches: open a batch and add recommended applications that are in no batch yet',
    ),
    b(
      '在批次中逐一“认定”或“不予认定”（须填写认定意见）；认定后自动生成工作站编号和认定证书，并在门户“工作站名录”公布',
      'Certify or reject each application in the batch, with an opinion; certification creates the station number and certificate and lists it in the public Workstations page',
    ),
    b('批次内申请全部办结后点击“关闭批次”', 'Close the batch once every application in it has been decided'),
  ],
};
