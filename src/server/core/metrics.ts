import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * A small Prometheus registry (text exposition format 0.0.4): counters and histograms with labels,
 * and gauges read at scrape time. One per process; `/metrics` serves it (modules/health/metrics.ts).
 */
type Labels = Record<string, string>;

const escapeLabel = (v: string): string =>
  v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelText = (l: Labels): string => {
  const keys = Object.keys(l).sort();
  return keys.length ? `{${keys.map((k) => `${k}="${escapeLabel(l[k]!)}"`).join(',')}}` : '';
};
const num = (n: number): string => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : '-Inf');

export class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels);
    const v = this.values.get(key);
    if (v) v.value += by;
    else this.values.set(key, { labels, value: by });
  }

  get(labels: Labels = {}): number {
    return this.values.get(labelText(labels))?.value ?? 0;
  }

  render(): string[] {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.values.values())
      out.push(`${this.name}${labelText(labels)} ${num(value)}`);
    return out;
  }
}

export class Histogram {
  private readonly series = new Map<
    string,
    { labels: Labels; counts: number[]; sum: number; count: number }
  >();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: number[],
  ) {}

  observe(labels: Labels, value: number): void {
    const key = labelText(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    this.buckets.forEach((b, i) => {
      if (value <= b) s.counts[i]! += 1;
    });
    s.sum += value;
    s.count += 1;
  }

  render(): string[] {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((b, i) =>
        out.push(`${this.name}_bucket${labelText({ ...s.labels, le: num(b) })} ${s.counts[i]}`),
      );
      out.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`);
      out.push(`${this.name}_sum${labelText(s.labels)} ${s.sum}`);
      out.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return out;
  }
}

/** A value read when scraped (memory, queue depth). */
export interface Gauge {
  name: string;
  help: string;
  read(): Promise<Array<{ labels?: Labels; value: number }>> | Array<{ labels?: Labels; value: number }>;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const metrics = {
  httpRequests: new Counter('bohou_http_requests_total', 'HTTP requests by method, route and status'),
  httpDuration: new Histogram('bohou_http_request_duration_seconds', 'HTTP request time by route', SECONDS),
  jobRuns: new Counter('bohou_job_runs_total', 'Scheduled job runs by job and outcome (ok, failed, skipped)'),
  jobDuration: new Histogram('bohou_job_duration_seconds', 'Scheduled job run time', [
    ...SECONDS,
    30,
    60,
    300,
  ]),
  outboxDone: new Counter('bohou_outbox_messages_total', 'Outbox messages carried out, by topic and outcome'),
};

const loopDelay = monitorEventLoopDelay({ resolution: 20 });
loopDelay.enable();

const processGauges: Gauge[] = [
  {
    name: 'bohou_process_resident_memory_bytes',
    help: 'Resident set size',
    read: () => [{ value: process.memoryUsage().rss }],
  },
  {
    name: 'bohou_process_heap_used_bytes',
    help: 'V8 heap in use',
    read: () => [{ value: process.memoryUsage().heapUsed }],
  },
  {
    name: 'bohou_process_uptime_seconds',
    help: 'Seconds since start',
    read: () => [{ value: process.uptime() }],
  },
  {
    name: 'bohou_event_loop_delay_p99_seconds',
    help: 'Event-loop delay, 99th percentile since the last scrape',
    read: () => {
      const v = loopDelay.percentile(99) / 1e9;
      loopDelay.reset();
      return [{ value: v }];
    },
  },
];

/** The whole exposition: the process's counters and histograms, then the gauges (process ones and `extra`). */
export async function renderMetrics(extra: Gauge[] = []): Promise<string> {
  const lines: string[] = [];
  for (const m of Object.values(metrics)) lines.push(...m.render());
  for (const g of [...processGauges, ...extra]) {
    lines.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`);
    for (const { labels, value } of await g.read())
      lines.push(`${g.name}${labelText(labels ?? {})} ${num(value)}`);
  }
  return `${lines.join('\n')}\n`;
}
