import type { Bilingual } from '../i18n/types';

const b = (zh: string, en: string): Bilingual => ({ zh, en });

/** 操作手册 lines for 揭榜领题 postings (张榜) and their review; content/roles.ts uses them. */
export const CHALLENGE_GUIDE: {
  unit: Bilingual[];
  individual: Bilingual[];
  municipal: Bilingual[];
  national: Bilingual[];
} = {
  unit: [
    b(
      '我的张榜 → 发布技术攻关需求：填写需解决的难题、技术指标、预期成果、拟投入经费和支持条件；公开信息在榜单大厅展示，保密信息（详细资料、联系人、保密附件）仅审核人员可见。内容自动保存为草稿',
      'My postings → Post a technical challenge: problem, indicators, expected outcome, funding and support; the public part is shown in the hall, the confidential part only to reviewers. Drafts save automatically',
    ),
    b(
      '阅读并签署张榜方承诺书后提交审核；被退回时按审核意见修改后再次提交；发布后可查看浏览量、报名数，截止前 7 天和前 1 天收到提醒',
      'Accept the commitment letter and submit; when returned, revise as asked and resubmit; once published, see views and sign-ups; reminders come 7 days and 1 day before the deadline',
    ),
  ],
  individual: [
    b(
      '我的张榜 → 发布成果转化需求（在站或出站博士后）：填写成果简介、技术成熟度、专利、知识产权归属、市场与用户、寻求的合作方和融资金额',
      'My postings → Post a commercialisation need (postdocs in or out of station): the result, maturity, patents, IP ownership, market, partner and investment sought',
    ),
    b(
      '签署承诺书后提交，经市级、部级审核通过后在榜单大厅发布',
      'Accept the commitment letter and submit; it is published in the hall after municipal and national review',
    ),
  ],
  municipal: [
    b(
      '张榜审核：查看待市级审核的需求（含保密信息和承诺书），通过后报部级审核，或退回修改、不予通过（须填写意见）；可按类型、领域、区县筛选并导出 Excel',
      'Posting review: postings awaiting the city, with their confidential part and commitment; approve to national review, return or reject (with an opinion); filter and export to Excel',
    ),
    b(
      '检索词典：维护榜单大厅检索的同义词（柑橘 = 柑桔）和下位词（中药材 ⊃ 百蕊草），修改即时生效',
      'Search dictionary: synonyms (柑橘 = 柑桔) and narrower terms (中药材 ⊃ 百蕊草) of the hall’s search; edits apply at once',
    ),
  ],
  national: [
    b(
      '张榜审核：对市级通过的需求进行部级审核，通过后发布到榜单大厅，或退回修改、不予通过（须填写意见）',
      'Posting review: approve postings passed by the city for publication in the hall, return them or reject them (with an opinion)',
    ),
  ],
};
