import { ApplicationForm, type ApplicationFormData } from './form.js';

/** A complete, eligible application form whose every evidence slot holds `fileId` (for tests and demo). */
export function completeForm(fileId: number): ApplicationFormData {
  const ev = [fileId];
  return ApplicationForm.parse({
    profile: {
      legalPerson: '王建国',
      staffCount: 320,
      revenue: 52000,
      rdSpending: 3100,
      operatingStatus: 'good',
    },
    basic: {
      legal: { statement: '具备独立法人资格，近三年营业收入稳步增长。', evidence: ev },
      rdInstitution: {
        name: '智能制造研究院',
        staff: 58,
        description: '市级企业技术中心，设 4 个研发部门。',
        evidence: ev,
      },
      team: {
        supervisors: [
          {
            name: '刘强',
            title: '正高级工程师',
            senior: true,
            fullTime: true,
            field: '工业机器人',
            evidence: ev,
          },
          {
            name: '陈静',
            title: '高级工程师',
            senior: true,
            fullTime: true,
            field: '机器视觉',
            evidence: ev,
          },
        ],
      },
      conditions: {
        payNotLower: true,
        annualPay: 30,
        description: '提供人才公寓和科研经费每年 10 万元。',
        evidence: ev,
      },
      plan: {
        placesPerYear: 2,
        projects: [
          {
            title: '高精度协作机器人关节研制',
            summary: '攻关谐波减速器与力控算法。',
            domain: 'high_end_equipment',
          },
        ],
        mobileStation: { university: '重庆大学', discipline: '机械工程', evidence: ev },
      },
      management: { staffName: '周敏', staffPhone: '023-63001234', evidence: ev },
    },
    recommended: {
      platform: { claimed: true, name: '重庆市企业技术中心', level: 'municipal', evidence: ev },
    },
  });
}
