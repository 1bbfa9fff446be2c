/*
 * Chinese search by CJK bigrams (see the team's search-design note): each Han run becomes its overlapping
 * bigrams plus its last character, each other letter/digit run one lower-cased word. A query term becomes a
 * phrase of bigrams (a 1-character term a prefix), so a match is exactly a substring match, on SQLite FTS5
 * and PostgreSQL alike. Everything here is pure; the database side only binds what it builds.
 */

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

/** NFKC (full-width → half-width) and lower case. */
export function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** Runs of Han characters and runs of other letters/digits; everything else separates. */
export function runs(s: string): Array<{ han: boolean; text: string }> {
  const out: Array<{ han: boolean; text: string }> = [];
  let cur: { han: boolean; text: string } | null = null;
  for (const ch of normalise(s)) {
    const han = HAN.test(ch);
    if (!han && !WORD.test(ch)) {
      cur = null;
      continue;
    }
    if (cur && cur.han === han) cur.text += ch;
    else {
      cur = { han, text: ch };
      out.push(cur);
    }
  }
  return out;
}

/** Index tokens of a text, in order. */
export function indexTokens(s: string): string[] {
  const tokens: string[] = [];
  for (const r of runs(s)) {
    if (!r.han) {
      tokens.push(r.text.slice(0, 60));
      continue;
    }
    const chars = [...r.text];
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    tokens.push(chars[chars.length - 1]!);
  }
  return tokens;
}

/** One searchable piece: a phrase of tokens; `prefix` when it is a single character or a word. */
export interface Phrase {
  tokens: string[];
  prefix: boolean;
}

/** A query term (no spaces) as the phrases of its runs, all of which must match. */
export function termPhrases(term: string): Phrase[] {
  return runs(term).map((r) => {
    if (!r.han) return { tokens: [r.text.slice(0, 60)], prefix: true };
    const chars = [...r.text];
    if (chars.length === 1) return { tokens: [chars[0]!], prefix: true };
    const tokens: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    return { tokens, prefix: false };
  });
}

/** A term's alternatives (itself and what the dictionary adds), each a conjunction of phrases. */
export type Group = Phrase[][];

export const MAX_TERMS = 8;
export const MAX_TERM_CHARS = 30;

/** The user's query as terms: split on spaces and punctuation, at most MAX_TERMS, each clipped. */
export function queryTerms(q: string): string[] {
  const terms = normalise(q)
    .split(/[\s\p{P}\p{S}]+/u)
    .map((t) => [...t].slice(0, MAX_TERM_CHARS).join(''))
    .filter((t) => runs(t).length > 0);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

const ftsString = (t: string): string => `"${t.replaceAll('"', '""')}"`;

/** SQLite FTS5 MATCH expression: every token quoted, operators only from code. */
export function ftsQuery(groups: Group[]): string {
  return groups
    .map(
      (alts) =>
        '(' +
        alts
          .map(
            (alt) =>
              '(' +
              alt.map((p) => ftsString(p.tokens.join(' ')) + (p.prefix ? ' *' : '')).join(' AND ') +
              ')',
          )
          .join(' OR ') +
        ')',
    )
    .join(' AND ');
}

const lexeme = (t: string): string => `'${t.replace(/['\\]/g, (c) => `\\${c}`)}'`;

/** PostgreSQL tsquery text (cast with ::tsquery, so no parser touches it). */
export function tsQuery(groups: Group[]): string {
  return groups
    .map(
      (alts) =>
        '(' +
        alts
          .map(
            (alt) =>
              '(' +
              alt
                .map((p) =>
                  p.tokens.length === 1
                    ? lexeme(p.tokens[0]!) + (p.prefix ? ':*' : '')
                    : '(' + p.tokens.map(lexeme).join(' <-> ') + ')',
                )
                .join(' & ') +
              ')',
          )
          .join(' | ') +
        ')',
    )
    .join(' & ');
}

/** PostgreSQL tsvector text: title tokens weight A, body tokens weight B, positions kept for phrases. */
export function tsVector(title: string, body: string): string {
  const pos = new Map<string, string[]>();
  let n = 0;
  const add = (tokens: string[], w: 'A' | 'B') => {
    for (const t of tokens) {
      n = Math.min(n + 1, 16_383);
      const list = pos.get(t) ?? [];
      if (list.length < 256) list.push(`${n}${w}`);
      pos.set(t, list);
    }
    n = Math.min(n + 10, 16_383);
  };
  add(indexTokens(title), 'A');
  add(indexTokens(body), 'B');
  return [...pos].map(([t, p]) => `${lexeme(t)}:${p.join(',')}`).join(' ');
}

/** Text split into plain and matched parts, for highlighting in the UI (no HTML involved). */
export interface Part {
  text: string;
  hit: boolean;
}

/** Marks every occurrence of any needle (case-insensitive), longest first. */
export function highlight(text: string, needles: string[]): Part[] {
  const lower = text.toLowerCase();
  const ns = [...new Set(needles.map((n) => n.toLowerCase()).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  const hit = new Array<boolean>(text.length).fill(false);
  for (const n of ns) {
    let i = lower.indexOf(n);
    while (i >= 0) {
      for (let k = i; k < i + n.length; k++) hit[k] = true;
      i = lower.indexOf(n, i + n.length);
    }
  }
  const parts: Part[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = parts[parts.length - 1];
    if (last && last.hit === hit[i]) last.text += text[i];
    else parts.push({ text: text[i]!, hit: hit[i]! });
  }
  return parts;
}

/** A window of about `size` characters around the first hit, as parts. */
export function snippet(text: string, needles: string[], size = 120): Part[] {
  const flat = text.replace(/\s+/g, ' ');
  const lower = flat.toLowerCase();
  let first = -1;
  for (const n of needles) {
    const i = lower.indexOf(n.toLowerCase());
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  const start = Math.max(0, first < 0 ? 0 : first - Math.floor(size / 3));
  const cut = flat.slice(start, start + size);
  const parts = highlight(cut, needles);
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (start + size < flat.length) parts.push({ text: '…', hit: false });
  return parts;
}
