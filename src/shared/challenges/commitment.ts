import type { ChallengeKind } from './form.js';

/**
 * The commitment letters (承诺书) of seed 002 §三(二): the poster accepts the kind's text before submitting;
 * the accepted version, its hash, the time and the account are filed with the posting. A new text gets a
 * new version, so an acceptance always names exactly the words accepted.
 */
export interface CommitmentText {
  version: string;
  title: string;
  text: string;
}

export const COMMITMENTS: Record<ChallengeKind, CommitmentText> = {
  tech: {
    version: 'tech-2022-1',
    title: '技术攻关需求张榜方承诺书',
    text: [
      '本单位自愿参加博士后揭榜领题活动，郑重承诺：',
      '一、所填报的技术攻关需求真实、准确，不涉及国家秘密，不侵犯他人知识产权；',
      '二、按照需求所列金额保障项目实施的资金投入，提供项目研发实施的支持和配套条件；',
      '三、项目完成后率先推广应用所取得的成果；',
      '四、对揭榜方提交的方案及相关资料严格保密，未经许可不用于其他用途；',
      '五、如有违反，愿承担相应责任。',
    ].join('\n'),
  },
  transfer: {
    version: 'transfer-2022-1',
    title: '博士后科研成果转化需求张榜方承诺书',
    text: [
      '本人自愿参加博士后揭榜领题活动，郑重承诺：',
      '一、本人为在站或出站博士后，所填报的科研成果真实、准确，已在产业关键需求或核心技术攻关中取得较大突破；',
      '二、成果知识产权归属清晰，不存在权属纠纷，不涉及国家秘密；',
      '三、所述市场用户和应用范围真实明确；',
      '四、对揭榜方提供的资料严格保密，未经许可不用于其他用途；',
      '五、如有违反，愿承担相应责任。',
    ].join('\n'),
  },
};
