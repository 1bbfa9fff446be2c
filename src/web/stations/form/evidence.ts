import type { ApplicationFormData } from '../../../shared/stations/form';

/** Every file id the form refers to (the same list the server checks for ownership). */
export function evidenceIds(form: ApplicationFormData): number[] {
  const b = form.basic;
  const r = form.recommended;
  return [
    ...new Set([
      ...b.legal.evidence,
      ...b.rdInstitution.evidence,
      ...b.team.supervisors.flatMap((s) => s.evidence),
      ...b.conditions.evidence,
      ...b.plan.mobileStation.evidence,
      ...b.management.evidence,
      ...r.platform.evidence,
      ...r.industry.evidence,
      ...r.strategy.evidence,
      ...r.littleGiant.evidence,
      ...r.candidate.evidence,
    ]),
  ];
}
