/**
 * Dynamic adjustment (动态调整), seed 000 §四(一): a station that recruits no postdoc for four
 * consecutive years, the last of them being a rectification period (整改期), loses its status.
 *
 * Years are counted from the reference date: the certification date, or the latest recruit's entry
 * date if later ("counting starts at certification"; a recruit restarts the count). With R the
 * reference date:
 *   - before R + 3 years: active (at risk from R + 2 years, for the dashboard);
 *   - from R + 3 years: rectification (the fourth year), until R + 4 years;
 *   - from R + 4 years: proposed for deregistration, which the municipal office confirms or not.
 * A recruit during rectification moves R to the entry date, so the station is active again.
 * Anniversaries of 29 February fall on 28 February in common years. Dates are `YYYY-MM-DD`.
 */
export type AdjustmentStatus = 'active' | 'rectification' | 'propose_deregistration';

export interface StationHistory {
  certifiedOn: string;
  /** Entry dates (进站) of the station's recruits, any order; entries after `today` are ignored. */
  recruitEntries: readonly string[];
}

export interface Assessment {
  status: AdjustmentStatus;
  /** The date the count runs from. */
  reference: string;
  /** Whole years since the reference date without a recruit. */
  yearsWithoutRecruit: number;
  /** No recruit for two years or more (the dashboard's "at risk"). */
  atRisk: boolean;
  rectificationStarts: string;
  rectificationEnds: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(d: string): [number, number, number] {
  const m = DATE.exec(d);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${d}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = parts(date);
  const ny = y + years;
  const nd = m === 2 && d === 29 && !isLeap(ny) ? 28 : d;
  return `${pad(ny, 4)}-${pad(m)}-${pad(nd)}`;
}

/** Whole years from `from` to `to` (anniversary-based). */
export function wholeYears(from: string, to: string): number {
  if (to < from) return 0;
  const [fy] = parts(from);
  const [ty] = parts(to);
  let n = ty - fy;
  if (addYears(from, n) > to) n -= 1;
  return Math.max(0, n);
}

export function assessStation(h: StationHistory, today: string): Assessment {
  parts(today);
  const recruits = h.recruitEntries.filter((d) => d <= today).sort();
  const last = recruits[recruits.length - 1];
  const reference = last && last > h.certifiedOn ? last : h.certifiedOn;
  const years = wholeYears(reference, today);
  const rectificationStarts = addYears(reference, 3);
  const rectificationEnds = addYears(reference, 4);
  const status: AdjustmentStatus =
    today >= rectificationEnds
      ? 'propose_deregistration'
      : today >= rectificationStarts
        ? 'rectification'
        : 'active';
  return {
    status,
    reference,
    yearsWithoutRecruit: years,
    atRisk: years >= 2,
    rectificationStarts,
    rectificationEnds,
  };
}
