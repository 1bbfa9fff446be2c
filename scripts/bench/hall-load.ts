/**
 * HTTP load for the hall benchmark: one autocannon measurement (after a short warm-up) and the table
 * of results with the pass/fail of issue #5's targets.
 */
import autocannon from 'autocannon';

export interface LoadOptions {
  connections: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of load before the measurement, thrown away. */
  warmup: number;
}

export interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** A browser that has been to the site once sends its CSRF cookie back; so do we. */
const HEADERS = { cookie: 'bohou_csrf=benchmark-visitor-cookie-0000000000', 'accept-language': 'zh-CN' };

/** Loads `base` with the paths in rotation (each connection walks the list and starts over). */
export async function measure(
  base: string,
  paths: string[],
  o: LoadOptions,
  /** Waits until the server has worked off the warm-up's requests (a slow case queues many). */
  settle: () => Promise<void> = async () => undefined,
): Promise<Measurement> {
  const requests = paths.map((path) => ({ method: 'GET' as const, path, headers: HEADERS }));
  const run = (duration: number) =>
    autocannon({ url: base, connections: o.connections, duration, requests, headers: HEADERS });
  if (o.warmup > 0) {
    await run(o.warmup);
    await settle();
  }
  const r = await run(o.duration);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface CaseResult {
  name: string;
  /** Minimum share of the bare route's req/s. */
  target: number;
  real: Measurement[];
  bare: Measurement[];
  /** Set when the case could not be loaded (too slow); the reason. */
  skipped?: string | undefined;
}

/** The medians over the runs of a case. */
export function summarise(c: CaseResult) {
  const m = (xs: Measurement[], k: keyof Measurement) => median(xs.map((x) => x[k]));
  const rps = m(c.real, 'rps');
  const bareRps = m(c.bare, 'rps');
  const p99 = m(c.real, 'p99');
  const ratio = rps / bareRps;
  const errors = c.real.reduce((s, x) => s + x.errors + x.non2xx, 0);
  return {
    name: c.name,
    rps,
    p50: m(c.real, 'p50'),
    p99,
    errors,
    bareRps,
    bareP99: m(c.bare, 'p99'),
    ratio,
    target: c.target,
    pass: !c.skipped && ratio >= c.target && p99 < 50 && errors === 0,
    skipped: c.skipped,
  };
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const lpad = (s: string, n: number) => ' '.repeat(Math.max(0, n - [...s].length)) + s;

export function printTable(engine: string, cases: CaseResult[]): ReturnType<typeof summarise>[] {
  const rows = cases.map(summarise);
  const runs = cases[0]?.real.length ?? 0;
  console.log(`\n${engine}: medians of ${runs} run(s)`);
  const head = [
    'case',
    'req/s',
    'p50 ms',
    'p99 ms',
    'err/non-2xx',
    'bare req/s',
    'bare p99',
    'ratio',
    'target',
    '',
  ];
  const widths = [16, 8, 7, 7, 12, 11, 9, 6, 7, 4];
  const line = (cols: string[]) =>
    console.log(cols.map((c, i) => (i === 0 ? pad(c, widths[i]!) : lpad(c, widths[i]!))).join('  '));
  line(head);
  for (const r of rows)
    if (r.skipped)
      line([r.name, '—', '—', '—', '—', '—', '—', '—', `≥${(r.target * 100).toFixed(0)}%`, 'FAIL']);
    else
      line([
        r.name,
        r.rps.toFixed(0),
        r.p50.toFixed(0),
        r.p99.toFixed(0),
        String(r.errors),
        r.bareRps.toFixed(0),
        r.bareP99.toFixed(0),
        `${(r.ratio * 100).toFixed(0)}%`,
        `≥${(r.target * 100).toFixed(0)}%`,
        r.pass ? 'pass' : 'FAIL',
      ]);
  for (const c of cases)
    if (c.skipped) console.log(`  ${c.name}: not loaded: ${c.skipped}`);
    else
      console.log(
        `  ${c.name}: req/s per run ${c.real.map((x) => x.rps.toFixed(0)).join(' / ')}, ` +
          `bare ${c.bare.map((x) => x.rps.toFixed(0)).join(' / ')}`,
      );
  return rows;
}
