/**
 * Inputs for the API fuzzer (fuzz.test.ts), derived from each operation's OpenAPI schema: a plausible
 * body, then variants that break it one property at a time, plus hostile path and query values.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  minLength?: number;
  pattern?: string;
}

export interface Operation {
  method: string;
  path: string;
  params: Array<{ name: string; in: string; schema?: JsonSchema }>;
  body?: JsonSchema;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ name: string; in: string; schema?: JsonSchema }>;
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}

export function operations(doc: OpenApi): Operation[] {
  const out: Operation[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      out.push({
        method: m.toUpperCase(),
        path: p,
        params: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return out.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

const first = (s: JsonSchema): JsonSchema => s.anyOf?.[0] ?? s.oneOf?.[0] ?? s.allOf?.[0] ?? s;
const typeOf = (s: JsonSchema): string => {
  const t = first(s).type;
  return (Array.isArray(t) ? t.find((x) => x !== 'null') : t) ?? 'string';
};

/** A value that plausibly satisfies the schema (not guaranteed: patterns are not solved). */
export function sample(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 4) return null;
  const s = first(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  switch (typeOf(s)) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) o[k] = sample(v, depth + 1);
      return o;
    }
    case 'array':
      return [sample(s.items, depth + 1)];
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    default:
      if (s.format === 'date' || /\\d\{4\}-/.test(s.pattern ?? '')) return '2026-01-01';
      if (s.format === 'date-time') return '2026-01-01T00:00:00.000Z';
      if (s.format === 'email') return 'fuzz@example.com';
      return '测试fuzz'.padEnd(Math.max(s.minLength ?? 0, 6), 'x');
  }
}

/** Hostile strings: injection, traversal, markup, control characters, huge, odd Unicode. */
export const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '\u0000\u0001\u001f',
  '𠮷'.repeat(50),
  'x'.repeat(100_000),
  '%s%n%x',
];

const WRONG_TYPE: Record<string, unknown[]> = {
  string: [12345, { a: 1 }, ['x'], true],
  integer: ['abc', 1.5, -1, 1e308, '99999999999999999999', null],
  number: ['abc', null, {}],
  boolean: ['yes', 2],
  array: ['x', { a: 1 }, Array.from({ length: 2000 }, () => 'x')],
  object: ['x', [1], 7],
};

/** Bodies: the plausible one, empty, wrong JSON types, each property broken in turn (bounded). */
export function bodyVariants(schema: JsonSchema | undefined, limit = 14): unknown[] {
  const base = sample(schema);
  const out: unknown[] = [base, {}, [], 'text', null];
  const props = schema ? Object.entries(first(schema).properties ?? {}) : [];
  let i = 0;
  for (const [k, v] of props) {
    const bad = [...(WRONG_TYPE[typeOf(v)] ?? []), HOSTILE_STRINGS[i % HOSTILE_STRINGS.length]];
    for (const b of bad.slice(0, 2)) out.push({ ...(base as object), [k]: b });
    i++;
  }
  out.push({ ...(base as object), __proto__x: 1, constructor: { prototype: { polluted: true } } });
  return out.slice(0, limit);
}

/** Values for a path parameter: a plausible absent id, then malformed ones. */
export const PATH_VALUES = [
  '999999999',
  'abc',
  '-1',
  '0',
  '1.5',
  '99999999999999999999',
  "1'%20OR%20'1'%3D'1",
  '..%2F..',
];

/** A query string filling every query parameter with the given value. */
export function queryWith(op: Operation, value: string): string {
  const q = op.params.filter((p) => p.in === 'query').map((p) => `${p.name}=${encodeURIComponent(value)}`);
  return q.length ? `?${q.join('&')}` : '';
}

export function fillPath(op: Operation, value: string): string {
  return op.path.replace(/\{[^}]+\}/g, value);
}

/** What a response must never show: stack frames, file paths, driver errors, SQL. */
export const LEAK =
  /\n\s+at |node_modules|\/work\/|\/src\/server\/|SQLITE_|SqliteError|syntax error at|violates .* constraint|kysely|TypeError|ReferenceError/i;
