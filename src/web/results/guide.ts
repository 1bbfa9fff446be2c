import type { Bilingual } from '../i18n/types';

const b = (zh: string, en: string): Bilingual => ({ zh, en });

/** What 揭榜成果公布, 活动与大赛 and 我的证明 mean for each role (rendered via content/roles.ts). */
export const RESULTS_GUIDE: { party: Bilingual[]; district: Bilingual[]; municipal: Bilingual[] } = {
  party: [
    b(
      '对接成功的项目列入市博管办发布的“揭榜成果公告”时收到通知；在“我的证明”下载活动参与证明或揭榜对接成功证明（含编号和验证码，任何人可在“证明验证”页核验）',
      'Be told when an announcement names your match; under My certificates download certificates of participation or of a successful match (numbered, verifiable by code on the public verification page)',
    ),
  ],
  district: [
    b(
      '在“成果公告”查看列有本区张榜方或揭榜方的公告，导出 Excel 或打印 PDF；在“活动与大赛”查看全市及本区活动和大赛推荐',
      'Under Results announcements read those naming a party of your district, export or print them; under Events and competition see events and competition recommendations',
    ),
  ],
  municipal: [
    b(
      '在“成果公告”汇编本期对接成功项目（自动填入尚未公告的项目）、编辑公开简介、发布（门户“揭榜成果”公开并通知各方）或附理由撤回，导出 Excel 与 PDF',
      'Under Results announcements compile the period’s matches not yet announced, edit the public summaries, publish (public on the portal, parties told) or withdraw with a reason; export Excel and PDF',
    ),
    b(
      '在“活动与大赛”记录现场对接会、路演、培训等活动，关联参与账号和项目；标记推荐参加创新创业大赛的项目',
      'Under Events and competition record matching days, roadshows and trainings with participants and projects; mark projects recommended to the innovation and entrepreneurship competition',
    ),
  ],
};
