import type { Domain, UnitType } from './roles.js';

/** Chinese display names, shared by the web client and the server's documents. */
export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  enterprise: '企业',
  research_institute: '科研院所',
  new_rd_institution: '新型研发机构',
  public_institution: '事业单位',
  university: '高等院校',
};

export const DOMAIN_LABELS: Record<Domain, string> = {
  next_gen_it: '新一代信息技术',
  biomedicine: '生物医药与大健康',
  high_end_equipment: '高端装备制造',
  new_materials: '新材料',
  new_energy: '新能源（新能源汽车）',
  energy_saving: '节能环保',
  agriculture_food: '现代农业与食品',
  culture_creative: '文化创意',
  other: '其他',
};

export const DOMAIN_LABELS_EN: Record<Domain, string> = {
  next_gen_it: 'Next-generation IT',
  biomedicine: 'Biomedicine and health',
  high_end_equipment: 'High-end equipment',
  new_materials: 'New materials',
  new_energy: 'New energy (new-energy vehicles)',
  energy_saving: 'Energy saving and environment',
  agriculture_food: 'Modern agriculture and food',
  culture_creative: 'Culture and creative industries',
  other: 'Other',
};

/** A domain's name in the language asked for (the key itself when unknown). */
export function domainLabel(d: string, lang: 'zh-CN' | 'en'): string {
  const table = lang === 'en' ? DOMAIN_LABELS_EN : DOMAIN_LABELS;
  return table[d as Domain] ?? d;
}

export const APPLICATION_STATE_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '待区县审核', en: 'Submitted' },
  returned: { 'zh-CN': '退回修改', en: 'Returned' },
  recommended: { 'zh-CN': '已推荐待认定', en: 'Recommended' },
  certified: { 'zh-CN': '已认定', en: 'Certified' },
  rejected: { 'zh-CN': '未通过', en: 'Rejected' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
};
