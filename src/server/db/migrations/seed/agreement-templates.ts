/**
 * The default templates of migration 005 (written once, like the migration: the municipal office edits
 * them in the console, which adds versions). Placeholders are `{{field}}`; the platform fills the
 * parties, the need, dates and amounts (modules/agreements/fields.ts). Grounded in seed 002 §三:
 * 承诺书 of both kinds of need, the 保密书 of the taker, and the 合作协议 of a successful match.
 */
export interface TemplateSeed {
  key: string;
  title: string;
  body: string;
  fields: Array<{ name: string; label: string; required: boolean }>;
  parties: Array<{ role: string; order: number }>;
  filing: 'office' | 'auto';
}

const f = (name: string, label: string, required = true) => ({ name, label, required });

const COMMITMENT_BODY = [
  '张榜方：{{poster_name}}',
  '需求名称：{{challenge_title}}（编号 {{challenge_id}}）',
  '承诺书版本：{{commitment_version}}',
  '',
  '{{commitment_text}}',
  '',
  '本承诺书由张榜方于 {{accepted_at}} 在博后通平台在线确认，确认即视为签署。',
].join('\n');

export const AGREEMENT_TEMPLATE_SEED: TemplateSeed[] = [
  {
    key: 'commitment_tech',
    title: '技术攻关需求张榜方承诺书',
    body: COMMITMENT_BODY,
    fields: [
      f('poster_name', '张榜方'),
      f('challenge_title', '需求名称'),
      f('challenge_id', '需求编号'),
      f('commitment_version', '承诺书版本'),
      f('commitment_text', '承诺内容'),
      f('accepted_at', '确认时间'),
    ],
    parties: [{ role: '张榜方', order: 1 }],
    filing: 'auto',
  },
  {
    key: 'commitment_transfer',
    title: '博士后科研成果转化需求张榜方承诺书',
    body: COMMITMENT_BODY,
    fields: [
      f('poster_name', '张榜方'),
      f('challenge_title', '需求名称'),
      f('challenge_id', '需求编号'),
      f('commitment_version', '承诺书版本'),
      f('commitment_text', '承诺内容'),
      f('accepted_at', '确认时间'),
    ],
    parties: [{ role: '张榜方', order: 1 }],
    filing: 'auto',
  },
  {
    key: 'confidentiality',
    title: '博士后揭榜领题保密书',
    body: [
      '揭榜方：{{taker_name}}',
      '张榜方：{{poster_name}}',
      '需求名称：{{challenge_title}}（编号 {{challenge_id}}）',
      '',
      '揭榜方为参加上述需求的揭榜对接，将获得张榜方提供的需求详情、联系人及相关资料（以下简称“保密信息”）。揭榜方郑重承诺：',
      '一、对保密信息严格保密，仅用于本需求的方案编制与交流对接，不向任何第三方披露；',
      '二、未经张榜方书面许可，不复制、不传播、不用于其他任何用途；',
      '三、对接结束或未达成合作的，及时删除或返还保密信息；',
      '四、保密义务自签署之日起生效，有效期至 {{valid_until}}，不因对接结束而终止；',
      '五、如有违反，愿依法承担相应责任。',
      '',
      '签署日期：{{sign_date}}',
    ].join('\n'),
    fields: [
      f('taker_name', '揭榜方'),
      f('poster_name', '张榜方'),
      f('challenge_title', '需求名称'),
      f('challenge_id', '需求编号'),
      f('valid_until', '保密期限至'),
      f('sign_date', '签署日期'),
    ],
    parties: [{ role: '揭榜方', order: 1 }],
    filing: 'office',
  },
  {
    key: 'cooperation',
    title: '博士后揭榜领题合作协议',
    body: [
      '甲方（张榜方）：{{poster_name}}',
      '乙方（揭榜方）：{{taker_name}}',
      '',
      '依据博士后揭榜领题活动有关规定，甲乙双方就“{{challenge_title}}”（需求编号 {{challenge_id}}，所属领域：{{domain}}）经平台交流对接，达成合作，订立本协议。',
      '第一条 合作内容：乙方按照经双方确认的揭榜方案开展{{cooperation_scope}}，甲方提供项目研发实施的支持和配套条件。',
      '第二条 资金投入：甲方保障项目实施的资金投入，总额为人民币 {{amount_wan}} 万元，按项目进度分期拨付。',
      '第三条 合作期限：自 {{start_date}} 起至 {{end_date}} 止。',
      '第四条 知识产权：合作中产生的知识产权归属及收益分配由双方另行书面约定；未约定的，依照国家有关法律法规执行。',
      '第五条 保密：双方对合作中知悉的对方技术信息和商业秘密负有保密义务。',
      '第六条 成果应用：项目完成后，甲方率先推广应用所取得的成果；成果可作为博士后出站考核、职称评定的依据。',
      '第七条 备案：本协议经双方在博后通平台在线签署后，报市博士后工作办公室（或所在区博士后工作管理部门）备案。',
      '第八条 争议解决：因本协议产生的争议，双方协商解决；协商不成的，依法向甲方所在地人民法院提起诉讼。',
      '',
      '签订日期：{{sign_date}}',
    ].join('\n'),
    fields: [
      f('poster_name', '甲方（张榜方）'),
      f('taker_name', '乙方（揭榜方）'),
      f('challenge_title', '需求名称'),
      f('challenge_id', '需求编号'),
      f('domain', '所属领域'),
      f('cooperation_scope', '合作内容'),
      f('amount_wan', '资金投入（万元）'),
      f('start_date', '合作开始日期'),
      f('end_date', '合作结束日期'),
      f('sign_date', '签订日期'),
    ],
    parties: [
      { role: '揭榜方', order: 1 },
      { role: '张榜方', order: 2 },
    ],
    filing: 'office',
  },
];
