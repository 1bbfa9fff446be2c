import { z } from 'zod';
import { DOMAINS } from '../roles.js';

/*
 * The station application form (设站申报表) of seed 000 §一: the unit profile, the six basic conditions
 * (基本条件) and the five recommended conditions (推荐条件). Every part is optional while a draft is being
 * typed (autosave keeps whatever there is); `checkEligibility` says what is still missing for submission.
 * Evidence is a list of uploaded file ids.
 */
const s = (max: number) => z.string().trim().max(max).default('');
const evidence = z.array(z.number().int().positive()).max(20).default([]);
const count = z.number().int().min(0).max(10_000_000).nullable().default(null);
const money = z.number().min(0).max(100_000_000).nullable().default(null);

export const Supervisor = z.object({
  name: s(50),
  /** 职称, e.g. 研究员 / 高级工程师 / 教授. */
  title: s(50),
  /** Senior title or equivalent (高级职称或相应水平). */
  senior: z.boolean().default(false),
  fullTime: z.boolean().default(false),
  field: s(100),
  evidence,
});

export const Project = z.object({
  title: s(100),
  summary: s(2000),
  domain: z.enum(DOMAINS).nullable().default(null),
});

export const ApplicationForm = z.object({
  profile: z
    .object({
      legalPerson: s(50),
      staffCount: count,
      /** 营业收入 (万元) last year. */
      revenue: money,
      /** 研发投入 (万元) last year. */
      rdSpending: money,
      operatingStatus: z.enum(['good', 'normal', 'difficult']).nullable().default(null),
    })
    .default({ legalPerson: '', staffCount: null, revenue: null, rdSpending: null, operatingStatus: null }),
  basic: z
    .object({
      /** 1 独立法人资格，经营或运行状况良好. */
      legal: z.object({ statement: s(1000), evidence }).default({ statement: '', evidence: [] }),
      /** 2 一定规模，并有专门的研究与开发机构. */
      rdInstitution: z
        .object({ name: s(100), staff: count, description: s(2000), evidence })
        .default({ name: '', staff: null, description: '', evidence: [] }),
      /** 3 高水平研究队伍: the co-supervisor roster. */
      team: z.object({ supervisors: z.array(Supervisor).max(50).default([]) }).default({ supervisors: [] }),
      /** 4 科研和生活条件, pay no lower than peers and the city's daily funding standard. */
      conditions: z
        .object({
          payNotLower: z.boolean().default(false),
          /** 博士后年薪 (万元). */
          annualPay: money,
          description: s(2000),
          evidence,
        })
        .default({ payNotLower: false, annualPay: null, description: '', evidence: [] }),
      /** 5 招收计划, innovative projects, joint recruitment with a mobile station. */
      plan: z
        .object({
          placesPerYear: z.number().int().min(0).max(100).nullable().default(null),
          projects: z.array(Project).max(20).default([]),
          mobileStation: z
            .object({ university: s(100), discipline: s(100), evidence })
            .default({ university: '', discipline: '', evidence: [] }),
        })
        .default({
          placesPerYear: null,
          projects: [],
          mobileStation: { university: '', discipline: '', evidence: [] },
        }),
      /** 6 management rules and a dedicated staff member. */
      management: z
        .object({ staffName: s(50), staffPhone: s(20), evidence })
        .default({ staffName: '', staffPhone: '', evidence: [] }),
    })
    .default({
      legal: { statement: '', evidence: [] },
      rdInstitution: { name: '', staff: null, description: '', evidence: [] },
      team: { supervisors: [] },
      conditions: { payNotLower: false, annualPay: null, description: '', evidence: [] },
      plan: {
        placesPerYear: null,
        projects: [],
        mobileStation: { university: '', discipline: '', evidence: [] },
      },
      management: { staffName: '', staffPhone: '', evidence: [] },
    }),
  recommended: z
    .object({
      /** 1 国家级或市级科研创新平台. */
      platform: z
        .object({
          claimed: z.boolean().default(false),
          name: s(100),
          level: z.enum(['national', 'municipal']).nullable().default(null),
          evidence,
        })
        .default({ claimed: false, name: '', level: null, evidence: [] }),
      /** 2 战略性产业，行业领先或获认定/奖励. */
      industry: z
        .object({ claimed: z.boolean().default(false), description: s(1000), evidence })
        .default({ claimed: false, description: '', evidence: [] }),
      /** 3 服务区域战略 (一带一路、成渝地区双城经济圈 …). */
      strategy: z
        .object({
          claimed: z.boolean().default(false),
          strategies: z.array(s(50)).max(10).default([]),
          description: s(1000),
          evidence,
        })
        .default({ claimed: false, strategies: [], description: '', evidence: [] }),
      /** 4 专精特新“小巨人”. */
      littleGiant: z
        .object({
          claimed: z.boolean().default(false),
          level: z.enum(['national', 'municipal']).nullable().default(null),
          evidence,
        })
        .default({ claimed: false, level: null, evidence: [] }),
      /** 5 已有明确招收对象并签订进站协议. */
      candidate: z
        .object({ claimed: z.boolean().default(false), name: s(50), evidence })
        .default({ claimed: false, name: '', evidence: [] }),
    })
    .default({
      platform: { claimed: false, name: '', level: null, evidence: [] },
      industry: { claimed: false, description: '', evidence: [] },
      strategy: { claimed: false, strategies: [], description: '', evidence: [] },
      littleGiant: { claimed: false, level: null, evidence: [] },
      candidate: { claimed: false, name: '', evidence: [] },
    }),
});
export type ApplicationFormData = z.infer<typeof ApplicationForm>;

/** The regional strategies named in seed 000 §一(二)3. */
export const STRATEGIES = [
  '一带一路',
  '长江经济带',
  '新时代西部大开发',
  '成渝地区双城经济圈',
  '西部陆海新通道',
  '416科技创新战略布局',
  '33618现代制造业集群体系',
] as const;

export function emptyForm(): ApplicationFormData {
  return ApplicationForm.parse({});
}

/** Form sections an office may flag when it returns an application (dotted paths, as the eligibility rule uses). */
export const FLAGGABLE_SECTIONS = [
  'profile',
  'basic.legal',
  'basic.rdInstitution',
  'basic.team',
  'basic.conditions',
  'basic.plan',
  'basic.management',
  'recommended.platform',
  'recommended.industry',
  'recommended.strategy',
  'recommended.littleGiant',
  'recommended.candidate',
  'sealedScan',
] as const;
