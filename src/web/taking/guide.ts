import type { Bilingual } from '../i18n/types';

const b = (zh: string, en: string): Bilingual => ({ zh, en });

/** What 揭榜 means for each role (rendered on the help page and the dashboard via content/roles.ts). */
export const TAKING_GUIDE: { unit: Bilingual[]; individual: Bilingual[]; municipal: Bilingual[] } = {
  unit: [
    b(
      '在榜单大厅打开成果转化需求，点击“我要揭榜”：登记注册满1年的单位填写资金、场地、市场渠道等承诺后报名；在“我的揭榜”接受保密书后查看需求保密信息，编写并提交揭榜方案（截止前可替换或撤回），与张榜方在线对接并确认对接结果',
      'Open a commercialisation need in the hall and choose “Take this need”: units registered for over a year commit funds, premises and market channels; under My takings accept the confidentiality agreement to see the confidential part, write and submit a solution (replace or withdraw until the deadline), engage with the poster and confirm the outcome',
    ),
    b(
      '我的张榜 → 需求详情 → 揭榜情况：查看报名和已提交的方案，接受张榜方保密书后查看方案附件，在线交流，入围、不予采纳（须填写理由）或提议对接成功；查看谁查阅了需求的保密信息',
      'My postings → a need → Takers: sign-ups and submitted solutions; accept the poster’s confidentiality agreement to open attachments, discuss online, shortlist, reject (with a reason) or propose the match; see who viewed the confidential part',
    ),
  ],
  individual: [
    b(
      '在榜单大厅打开技术攻关需求，点击“我要揭榜”：以个人或团队负责人身份报名，团队按用户名邀请成员，成员在“我的揭榜”确认；接受保密书后查看需求保密信息，编写并提交揭榜方案，与张榜方在线对接并确认对接结果',
      'Open a technical challenge in the hall and choose “Take this need”: alone or as a team leader inviting members by username, who confirm under My takings; accept the confidentiality agreement to see the confidential part, write and submit a solution, engage with the poster and confirm the outcome',
    ),
  ],
  municipal: [
    b(
      '打开通知中的揭榜方案链接，查看方案及对接交流，必要时在对接交流中留言',
      'Open solutions from notifications, read them and the engagement thread, and write in it when needed',
    ),
  ],
};
