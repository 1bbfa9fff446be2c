import { normalise, queryTerms, runs, termPhrases, type Group } from './tokens.js';

/*
 * From what a user types to what the index is asked (issue #5: "search must find what users mean"):
 *  1. terms: the query split on spaces and punctuation; every term must be matched (the user asked for each);
 *  2. words: a term longer than two characters is cut into words (jieba on the server, with the dictionary
 *     loaded as user words, then forward maximum match by the dictionary), stop words dropped, so
 *     "想找做柑橘深加工的团队" asks for 柑橘 and 深加工;
 *  3. alternatives: each word with its synonyms and (transitively) narrower terms from the editable
 *     dictionary, each alternative a phrase of bigrams (an exact substring match, 1–2 characters included);
 *  4. a term is matched when at least `min` of its words are (partial matches are found, ranked lower);
 *     rows rank by the summed weights (IDF) of the words they contain, then by BM25 / ts_rank.
 * Everything here is pure: the segmenter comes from the caller.
 */

/** An editable dictionary entry: `synonyms` are equivalent both ways, `narrower` terms are found by `term`. */
export interface TermEntry {
  term: string;
  synonyms: string[];
  narrower: string[];
}

export const MAX_ALTERNATIVES = 40;
export const MAX_WORDS_PER_TERM = 6;
export const MAX_WORDS = 12;

/**
 * A word's alternatives by the dictionary: itself, its synonyms (both ways) and, transitively, the narrower
 * terms of any of them with their own synonyms (中药 ⊃ 中药材 ⊃ 百蕊草), at most MAX_ALTERNATIVES.
 */
export function alternatives(word: string, dict: readonly TermEntry[]): string[] {
  const sets = dict.map((e) => ({
    eq: [e.term, ...e.synonyms].map(normalise),
    narrower: e.narrower.map(normalise),
  }));
  const out: string[] = [];
  const seen = new Set<string>();
  const queue = [normalise(word)];
  while (queue.length > 0 && out.length < MAX_ALTERNATIVES) {
    const x = queue.shift()!;
    if (seen.has(x)) continue;
    seen.add(x);
    if (runs(x).length > 0) out.push(x);
    for (const s of sets)
      if (s.eq.includes(x)) queue.push(...s.eq.filter((y) => !seen.has(y)), ...s.narrower);
  }
  return out;
}

/** Every word the dictionary knows (terms, synonyms, narrower terms), normalised. */
export function dictionaryWords(dict: readonly TermEntry[]): string[] {
  const words = dict.flatMap((e) => [e.term, ...e.synonyms, ...e.narrower].map(normalise));
  return [...new Set(words)].filter((w) => runs(w).length > 0);
}

/**
 * Segments a term by the dictionary (forward maximum match over its words): dictionary words become pieces
 * of their own, the rest stays together. "柑橘种植" with 柑橘 in the dictionary → ["柑橘", "种植"].
 */
export function segment(term: string, dict: readonly TermEntry[]): string[] {
  const keys = dictionaryWords(dict);
  const chars = [...term];
  const pieces: string[] = [];
  let plain = '';
  for (let i = 0; i < chars.length;) {
    const rest = chars.slice(i).join('');
    const key = keys.filter((k) => rest.startsWith(k)).sort((a, b) => b.length - a.length)[0];
    if (key) {
      if (plain) pieces.push(plain);
      plain = '';
      pieces.push(key);
      i += [...key].length;
    } else {
      plain += chars[i];
      i += 1;
    }
  }
  if (plain) pieces.push(plain);
  return pieces;
}

/** Cuts text into words and weighs a word (higher = more telling); the server's is jieba with its IDF. */
export interface Segmenter {
  cut(text: string): string[];
  weight(word: string): number;
}

/** No word segmentation: a term is one word, every word weighs the same. */
export const plainSegmenter: Segmenter = { cut: (t) => [t], weight: () => 1 };

/** Function words and request phrasing that say nothing about the subject of a need. */
const STOP = new Set(
  (
    '的 地 得 了 着 过 和 与 及 或 以及 并 在 是 有 要 想 想要 找 找到 寻找 寻求 求 做 搞 弄 能 会 可以 能够 用 用于 ' +
    '把 被 给 让 对 从 向 跟 将 为 为了 关于 有关 相关 方面 一个 一些 一下 这个 那个 这 那 哪 哪里 哪个 哪些 谁 ' +
    '什么 怎么 怎样 怎么样 如何 为什么 吗 呢 吧 啊 呀 么 我 我们 你 你们 他们 它 公司 企业 单位 团队 专家 机构 ' +
    '合作 技术 项目 需求 需要 问题 办法 方法 方案 有没有 请问 帮忙 推荐 一种 进行 等 类 之类 的话'
  ).split(' '),
);

export interface PlanWord {
  /** The word as cut from the query. */
  text: string;
  /** Its alternatives as the index is asked them (OR). */
  alts: Group;
  /** Its weight in the ranking (an integer, so both engines sum it exactly). */
  weight: number;
}

export interface PlanTerm {
  words: PlanWord[];
  /** How many of the words a row must contain for the term to match. */
  min: number;
}

export interface QueryPlan {
  terms: PlanTerm[];
  /** Strings to highlight in titles and snippets. */
  needles: string[];
}

/** At least this many of a term's n words must match: one of one or two, then half. */
export function minShouldMatch(n: number): number {
  return Math.max(1, Math.ceil(n / 2));
}

/** Every k-element subset of `items`, in order (k-of-n as an OR of conjunctions; n ≤ MAX_WORDS_PER_TERM). */
export function subsets<T>(items: readonly T[], k: number): T[][] {
  if (k <= 0) return [[]];
  if (k > items.length) return [];
  const out: T[][] = [];
  const pick = (start: number, acc: T[]) => {
    if (acc.length === k) {
      out.push([...acc]);
      return;
    }
    for (let i = start; i <= items.length - (k - acc.length); i++) pick(i + 1, [...acc, items[i]!]);
  };
  pick(0, []);
  return out;
}

const isHan = (w: string): boolean => runs(w).some((r) => r.han);

/** A term as the words to look for. */
export function termWords(term: string, dict: readonly TermEntry[], seg: Segmenter): string[] {
  const known = new Set(dictionaryWords(dict));
  if ([...term].length <= 2 || known.has(term)) return [term];
  const pieces = seg
    .cut(term)
    .map(normalise)
    .filter((p) => runs(p).length > 0)
    .flatMap((p) => (known.has(p) || [...p].length < 3 ? [p] : segment(p, dict)));
  const content = pieces.filter((p) => !STOP.has(p));
  // A single Han character left over from a cut (病, 打 …) says little and matches everything.
  const telling = content.filter((p) => [...p].length > 1 || !isHan(p));
  const words = telling.length > 0 ? telling : [term];
  return [...new Set(words)].slice(0, MAX_WORDS_PER_TERM);
}

/** The user's query as terms of weighted words with their alternatives, and the strings to highlight. */
export function planQuery(q: string, dict: readonly TermEntry[], seg: Segmenter = plainSegmenter): QueryPlan {
  const terms: PlanTerm[] = [];
  const needles = new Set<string>();
  let budget = MAX_WORDS;
  for (const term of queryTerms(q)) {
    const words: PlanWord[] = [];
    for (const text of termWords(term, dict, seg).slice(0, budget)) {
      const alts = alternatives(text, dict);
      const group = alts.map(termPhrases).filter((g) => g.length > 0);
      if (group.length === 0) continue;
      words.push({ text, alts: group, weight: 1 });
      for (const a of alts) for (const r of runs(a)) needles.add(r.text);
    }
    if (words.length === 0) continue;
    budget -= words.length;
    terms.push({ words, min: minShouldMatch(words.length) });
    if (budget <= 0) break;
  }
  // Weights only order rows that contain different words: a one-word query needs none.
  const all = terms.flatMap((t) => t.words);
  if (all.length > 1) for (const w of all) w.weight = Math.max(1, Math.round(seg.weight(w.text) * 10));
  return { terms, needles: [...needles] };
}
