import { describe, expect, it } from 'vitest';
import { checkEligibility } from './eligibility.js';
import { completeForm } from './fixtures.js';
import { emptyForm, type ApplicationFormData } from './form.js';

const keys = (f: ApplicationFormData): string[] => checkEligibility(f).missing.map((m) => m.key);

describe('station application eligibility (seed 000 §一)', () => {
  it('accepts a form with all six basic conditions and one recommended condition, each with evidence', () => {
    const e = checkEligibility(completeForm(1));
    expect(e).toEqual({ eligible: true, missing: [], recommendedMet: ['platform'] });
  });

  it('lists every basic condition and the recommended one for an empty form', () => {
    expect(keys(emptyForm())).toEqual([
      'profile_incomplete',
      'b1_legal',
      'b2_rd',
      'b3_team',
      'b4_conditions',
      'b5_places',
      'b5_projects',
      'b5_mobile',
      'b6_management',
      'r_none',
    ]);
  });

  it('needs evidence, not only the statement, for each basic condition', () => {
    const f = completeForm(1);
    f.basic.legal.evidence = [];
    f.basic.management.evidence = [];
    expect(keys(f)).toEqual(['b1_legal', 'b6_management']);
  });

  it('needs at least one full-time senior co-supervisor', () => {
    const f = completeForm(1);
    f.basic.team.supervisors = f.basic.team.supervisors.map((s) => ({ ...s, fullTime: false }));
    expect(keys(f)).toEqual(['b3_team']);
    f.basic.team.supervisors[0] = { ...f.basic.team.supervisors[0]!, fullTime: true, senior: false };
    expect(keys(f)).toEqual(['b3_team']);
  });

  it('refuses a roster entry without a name, title or evidence', () => {
    const f = completeForm(1);
    f.basic.team.supervisors.push({
      name: '',
      title: '工程师',
      senior: false,
      fullTime: true,
      field: '',
      evidence: [1],
    });
    expect(keys(f)).toEqual(['b3_supervisor_incomplete']);
  });

  it('requires the pay commitment to be ticked', () => {
    const f = completeForm(1);
    f.basic.conditions.payNotLower = false;
    expect(keys(f)).toEqual(['b4_conditions']);
  });

  it('requires places, complete projects and the mobile station with its intention document', () => {
    const f = completeForm(1);
    f.basic.plan.placesPerYear = 0;
    f.basic.plan.projects[0]!.domain = null;
    f.basic.plan.mobileStation.evidence = [];
    expect(keys(f)).toEqual(['b5_places', 'b5_projects', 'b5_mobile']);
  });

  it('needs at least one recommended condition claimed', () => {
    const f = completeForm(1);
    f.recommended.platform.claimed = false;
    expect(keys(f)).toEqual(['r_none']);
  });

  it('refuses a claimed recommended condition without evidence even when another one is complete', () => {
    const f = completeForm(1);
    f.recommended.candidate = { claimed: true, name: '赵博士', evidence: [] };
    const e = checkEligibility(f);
    expect(e.eligible).toBe(false);
    expect(e.missing).toEqual([{ path: 'recommended.candidate', key: 'r5_candidate' }]);
    expect(e.recommendedMet).toEqual(['platform']);
  });

  it('accepts any one of the five recommended conditions alone', () => {
    const variants: Array<(f: ApplicationFormData) => void> = [
      (f) =>
        (f.recommended.industry = { claimed: true, description: '制造业单项冠军示范企业', evidence: [2] }),
      (f) =>
        (f.recommended.strategy = {
          claimed: true,
          strategies: ['成渝地区双城经济圈'],
          description: '共建项目',
          evidence: [2],
        }),
      (f) => (f.recommended.littleGiant = { claimed: true, level: 'national', evidence: [2] }),
      (f) => (f.recommended.candidate = { claimed: true, name: '赵博士', evidence: [2] }),
    ];
    for (const apply of variants) {
      const f = completeForm(1);
      f.recommended.platform.claimed = false;
      apply(f);
      expect(checkEligibility(f).eligible).toBe(true);
    }
  });
});
