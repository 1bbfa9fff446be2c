import type { ApplicationFormData } from './form.js';

/**
 * Seed 000 §一: an application must meet all six basic conditions and at least one of the five
 * recommended conditions, each backed by evidence. Pure: the form runs it live, the server on submit.
 */
export interface MissingItem {
  /** Where in the form, dotted (e.g. `basic.team`), for the UI to jump to. */
  path: string;
  /** Message key in ELIGIBILITY_MESSAGES. */
  key: EligibilityKey;
}

export const ELIGIBILITY_MESSAGES = {
  profile_incomplete: {
    'zh-CN': '单位基本情况：请填写法定代表人和经营状况',
    en: 'Unit profile: legal representative and operating status',
  },
  b1_legal: {
    'zh-CN': '基本条件1：独立法人资格及经营状况说明与证明材料',
    en: 'Basic 1: legal-person status and operation, with evidence',
  },
  b2_rd: {
    'zh-CN': '基本条件2：研发机构名称、情况说明与证明材料',
    en: 'Basic 2: R&D institution name, description and evidence',
  },
  b3_team: {
    'zh-CN': '基本条件3：至少一名具有高级职称的全职合作导师（含证明材料）',
    en: 'Basic 3: at least one full-time senior-title co-supervisor, with evidence',
  },
  b3_supervisor_incomplete: {
    'zh-CN': '基本条件3：合作导师名单中有信息不完整的人员（姓名、职称、证明材料）',
    en: 'Basic 3: a co-supervisor entry lacks name, title or evidence',
  },
  b4_conditions: {
    'zh-CN': '基本条件4：薪酬不低于同等资历职工和市日常资助标准的承诺、条件说明与证明材料',
    en: 'Basic 4: pay commitment, conditions and evidence',
  },
  b5_places: { 'zh-CN': '基本条件5：每年招收计划人数', en: 'Basic 5: recruitment places per year' },
  b5_projects: {
    'zh-CN': '基本条件5：至少一个博士后科研项目（题目、简介、领域）',
    en: 'Basic 5: at least one research project (title, summary, domain)',
  },
  b5_mobile: {
    'zh-CN': '基本条件5：合作流动站（高校、学科）及合作意向书',
    en: 'Basic 5: cooperating mobile station (university, discipline) and intention document',
  },
  b6_management: {
    'zh-CN': '基本条件6：博士后管理办法文件及专门管理人员（姓名、电话）',
    en: 'Basic 6: management rules document and dedicated staff (name, phone)',
  },
  r_none: {
    'zh-CN': '推荐条件：至少符合一项并提供证明材料',
    en: 'Recommended: claim at least one, with evidence',
  },
  r1_platform: {
    'zh-CN': '推荐条件1：平台名称、级别与证书',
    en: 'Recommended 1: platform name, level and certificate',
  },
  r2_industry: {
    'zh-CN': '推荐条件2：产业地位或奖励认定说明与证明材料',
    en: 'Recommended 2: industry standing or awards, with evidence',
  },
  r3_strategy: {
    'zh-CN': '推荐条件3：所服务的战略、说明与证明材料',
    en: 'Recommended 3: strategy served, description and evidence',
  },
  r4_little_giant: {
    'zh-CN': '推荐条件4：“小巨人”认定级别与证明材料',
    en: 'Recommended 4: 小巨人 recognition level and evidence',
  },
  r5_candidate: {
    'zh-CN': '推荐条件5：招收对象姓名及已签订的进站协议',
    en: 'Recommended 5: candidate name and signed entry agreement',
  },
} as const;
export type EligibilityKey = keyof typeof ELIGIBILITY_MESSAGES;

export interface Eligibility {
  eligible: boolean;
  missing: MissingItem[];
  /** Which recommended conditions are claimed and complete. */
  recommendedMet: string[];
}

const filled = (v: string | null | undefined): boolean => typeof v === 'string' && v.trim().length > 0;
const has = (files: readonly number[]): boolean => files.length > 0;

export function checkEligibility(f: ApplicationFormData): Eligibility {
  const missing: MissingItem[] = [];
  const need = (ok: boolean, path: string, key: EligibilityKey): void => {
    if (!ok) missing.push({ path, key });
  };
  const b = f.basic;
  need(filled(f.profile.legalPerson) && f.profile.operatingStatus !== null, 'profile', 'profile_incomplete');
  need(filled(b.legal.statement) && has(b.legal.evidence), 'basic.legal', 'b1_legal');
  need(
    filled(b.rdInstitution.name) && filled(b.rdInstitution.description) && has(b.rdInstitution.evidence),
    'basic.rdInstitution',
    'b2_rd',
  );
  const sups = b.team.supervisors;
  need(
    sups.some((x) => x.senior && x.fullTime && filled(x.name) && filled(x.title) && has(x.evidence)),
    'basic.team',
    'b3_team',
  );
  need(
    sups.every((x) => filled(x.name) && filled(x.title) && has(x.evidence)),
    'basic.team',
    'b3_supervisor_incomplete',
  );
  need(
    b.conditions.payNotLower && filled(b.conditions.description) && has(b.conditions.evidence),
    'basic.conditions',
    'b4_conditions',
  );
  need((b.plan.placesPerYear ?? 0) >= 1, 'basic.plan', 'b5_places');
  need(
    b.plan.projects.length > 0 &&
      b.plan.projects.every((p) => filled(p.title) && filled(p.summary) && p.domain !== null),
    'basic.plan',
    'b5_projects',
  );
  const ms = b.plan.mobileStation;
  need(filled(ms.university) && filled(ms.discipline) && has(ms.evidence), 'basic.plan', 'b5_mobile');
  need(
    filled(b.management.staffName) && filled(b.management.staffPhone) && has(b.management.evidence),
    'basic.management',
    'b6_management',
  );

  const r = f.recommended;
  const claims: Array<[string, boolean, boolean, EligibilityKey]> = [
    [
      'platform',
      r.platform.claimed,
      filled(r.platform.name) && r.platform.level !== null && has(r.platform.evidence),
      'r1_platform',
    ],
    [
      'industry',
      r.industry.claimed,
      filled(r.industry.description) && has(r.industry.evidence),
      'r2_industry',
    ],
    [
      'strategy',
      r.strategy.claimed,
      r.strategy.strategies.length > 0 && filled(r.strategy.description) && has(r.strategy.evidence),
      'r3_strategy',
    ],
    [
      'littleGiant',
      r.littleGiant.claimed,
      r.littleGiant.level !== null && has(r.littleGiant.evidence),
      'r4_little_giant',
    ],
    ['candidate', r.candidate.claimed, filled(r.candidate.name) && has(r.candidate.evidence), 'r5_candidate'],
  ];
  const recommendedMet: string[] = [];
  for (const [name, claimed, complete, key] of claims) {
    if (!claimed) continue;
    if (complete) recommendedMet.push(name);
    // A claim without its evidence is not left in the application: it must be completed or unticked.
    else missing.push({ path: `recommended.${name}`, key });
  }
  if (!claims.some(([, claimed]) => claimed)) missing.push({ path: 'recommended', key: 'r_none' });
  return { eligible: missing.length === 0, missing, recommendedMet };
}
