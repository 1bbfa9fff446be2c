/** Chinese and English names of the posting states and kinds (UI, Excel, docs). */
export const CHALLENGE_STATE_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '待市级审核', en: 'Awaiting municipal review' },
  national_review: { 'zh-CN': '待部级审核', en: 'Awaiting national review' },
  returned: { 'zh-CN': '退回修改', en: 'Returned' },
  published: { 'zh-CN': '已发布', en: 'Published' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
  rejected: { 'zh-CN': '未通过', en: 'Rejected' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
};

export const CHALLENGE_KIND_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  tech: { 'zh-CN': '技术攻关需求', en: 'Technical challenge' },
  transfer: { 'zh-CN': '成果转化需求', en: 'Commercialisation need' },
};

export const MATURITY_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  lab: { 'zh-CN': '实验室阶段', en: 'Laboratory' },
  prototype: { 'zh-CN': '样机/样品阶段', en: 'Prototype' },
  pilot: { 'zh-CN': '中试阶段', en: 'Pilot' },
  small_batch: { 'zh-CN': '小批量生产', en: 'Small batch' },
  industrialised: { 'zh-CN': '产业化', en: 'Industrialised' },
};
