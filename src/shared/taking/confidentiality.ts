/**
 * The confidentiality agreements (保密书) of seed 002 §三(一) ("参与方承诺书、保密书 … 在线签署及备案"), one per
 * side of a need: the taker accepts before seeing the need's confidential part, the poster before seeing
 * a solution's attachments. The accepted version, its hash, the filed text, the time, the account and the IP
 * are recorded per need, and each acceptance is filed as a signed, sealed PDF (taking/confidentiality-filing.ts
 * on the server). A new text gets a new version, so an acceptance always names exactly the words accepted.
 */
export const CONFIDENTIALITY_SIDES = ['taker', 'poster'] as const;
export type ConfidentialitySide = (typeof CONFIDENTIALITY_SIDES)[number];

export interface ConfidentialityText {
  version: string;
  title: string;
  text: string;
}

export const CONFIDENTIALITY: Record<ConfidentialitySide, ConfidentialityText> = {
  taker: {
    version: 'taker-2022-1',
    title: '博士后揭榜领题保密书（揭榜方）',
    text: [
      '本人/本单位为参加本需求的揭榜对接，将获得张榜方提供的需求详情、联系人及相关资料（以下简称“保密信息”），郑重承诺：',
      '一、对保密信息严格保密，仅用于本需求的方案编制与交流对接，不向任何第三方披露；',
      '二、未经张榜方书面许可，不复制、不传播、不用于其他任何用途；',
      '三、对接结束或未达成合作的，及时删除或返还保密信息；',
      '四、保密义务自确认之日起生效，不因对接结束而终止；',
      '五、知悉平台记录本人每一次查阅、下载保密信息的时间与地址；',
      '六、如有违反，愿依法承担相应责任。',
    ].join('\n'),
  },
  poster: {
    version: 'poster-2022-1',
    title: '博士后揭榜领题保密书（张榜方）',
    text: [
      '本人/本单位作为本需求的张榜方，将获得揭榜方提交的揭榜方案附件及相关技术资料（以下简称“保密信息”），郑重承诺：',
      '一、对保密信息严格保密，仅用于评估揭榜方案与交流对接，不向任何第三方披露；',
      '二、未经揭榜方书面许可，不复制、不传播、不据以自行或委托他人实施；',
      '三、未达成合作的，及时删除或返还保密信息；',
      '四、保密义务自确认之日起生效，不因对接结束而终止；',
      '五、知悉平台记录本人每一次查阅、下载保密信息的时间与地址；',
      '六、如有违反，愿依法承担相应责任。',
    ].join('\n'),
  },
};

/** The canonical form hashed and filed with an acceptance. */
export function confidentialityCanonical(t: ConfidentialityText): string {
  return `${t.version}\n${t.title}\n${t.text}`;
}
