import type { Bilingual } from '../i18n/types';

const b = (zh: string, en: string): Bilingual => ({ zh, en });

/** What 项目跟踪 means for each role (rendered on the help page and the dashboard via content/roles.ts). */
export const FOLLOWUP_GUIDE: {
  party: Bilingual[];
  district: Bilingual[];
  municipal: Bilingual[];
} = {
  party: [
    b(
      '对接成功后，项目进入“项目跟踪”：按揭榜方案的里程碑维护计划（可新增、修改、标记完成并填写完成日期和说明），定期提交进展报告（可附 PDF/图片）；逾期的里程碑每日提醒双方',
      'After a match the project appears under Project follow-up: keep the milestones from the solution (add, edit, mark done with date and note) and file progress reports with attachments; overdue milestones are reminded daily',
    ),
    b(
      '尚未设立博士后平台的对接成功单位，申报设站时审核页面显示“揭榜对接优先”',
      'A matched unit without a postdoc platform is flagged “Matched-challenge priority” on its station application',
    ),
  ],
  district: [
    b(
      '在“项目跟踪”查看张榜方或揭榜方单位在本区的对接成功项目及进展，撰写成果报告（项目状态、成果情况、投入经费、新产品、专利）并报送市博管办；被退回的报告修改后再次报送，在“成果报告”查看全部报告',
      'Under Project follow-up see matched projects whose poster or taker is in your district, write outcome reports (status, outcome, funding, products, patents) and submit them to the city; correct and resubmit returned ones; all reports under Outcome reports',
    ),
  ],
  municipal: [
    b(
      '在“项目跟踪”查看全市对接成功项目；在“成果报告”按状态、项目状态筛选区县报送的成果报告，确认或附意见退回，并导出 Excel',
      'See all matched projects under Project follow-up; under Outcome reports filter district reports, acknowledge or return them with a comment, and export to Excel',
    ),
  ],
};
