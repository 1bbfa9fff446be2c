import { describe, expect, it } from 'vitest';
import {
  alternatives,
  dictionaryWords,
  subsets,
  MAX_ALTERNATIVES,
  minShouldMatch,
  planQuery,
  termWords,
  type Segmenter,
  type TermEntry,
} from './query.js';

const dict: TermEntry[] = [
  { term: '中药', synonyms: ['中医药'], narrower: ['中药材'] },
  { term: '中药材', synonyms: [], narrower: ['百蕊草', '黄连'] },
  { term: '自动驾驶', synonyms: ['无人驾驶'], narrower: [] },
  { term: '智能网联汽车', synonyms: [], narrower: ['自动驾驶'] },
  { term: '废水', synonyms: ['污水'], narrower: [] },
  { term: '人工智能', synonyms: ['ai'], narrower: [] },
];

/** A stand-in for jieba: splits on a fixed word list, longest first. */
const fakeJieba = (words: string[]): Segmenter => ({
  cut(text) {
    const out: string[] = [];
    let i = 0;
    while (i < text.length) {
      const w = words.filter((x) => text.startsWith(x, i)).sort((a, b) => b.length - a.length)[0];
      out.push(w ?? text[i]!);
      i += (w ?? text[i]!).length;
    }
    return out;
  },
  weight: (w) => (w === '柑橘' ? 8 : 3),
});

describe('query planning', () => {
  it('expands narrower terms transitively, with the synonyms of each, never upwards', () => {
    expect(alternatives('中药', dict)).toEqual(['中药', '中医药', '中药材', '百蕊草', '黄连']);
    expect(alternatives('智能网联汽车', dict)).toEqual(['智能网联汽车', '自动驾驶', '无人驾驶']);
    expect(alternatives('黄连', dict)).toEqual(['黄连']);
    expect(alternatives('AI', dict)).toEqual(['ai', '人工智能']);
    const wide: TermEntry[] = [
      { term: 'x', synonyms: [], narrower: Array.from({ length: 99 }, (_, i) => `词${i}`) },
    ];
    expect(alternatives('x', wide)).toHaveLength(MAX_ALTERNATIVES);
    expect(dictionaryWords(dict)).toContain('百蕊草');
  });

  it('cuts long terms into telling words: stop words and stray single characters go, dictionary words stay whole', () => {
    const seg = fakeJieba(['想', '找', '做', '柑橘', '深加工', '的', '团队', '污水处理', '黄龙', '病']);
    expect(termWords('想找做柑橘深加工的团队', dict, seg)).toEqual(['柑橘', '深加工']);
    // jieba keeps 污水处理 whole; the dictionary splits out 污水 (= 废水).
    expect(termWords('污水处理', dict, seg)).toEqual(['污水', '处理']);
    expect(termWords('柑橘黄龙病', dict, seg)).toEqual(['柑橘', '黄龙']);
    expect(termWords('智能网联汽车', dict, seg)).toEqual(['智能网联汽车']);
    expect(termWords('锂电', dict, seg)).toEqual(['锂电']);
    expect(termWords('的的的', dict, seg)).toEqual(['的的的']);
  });

  it('asks for about half of a term’s words, every term, and weighs words as integers', () => {
    expect([1, 2, 3, 4, 5, 6].map(minShouldMatch)).toEqual([1, 1, 2, 2, 3, 3]);
    const seg = fakeJieba(['柑橘', '深加工', '果胶', '提取']);
    const plan = planQuery('柑橘深加工果胶提取 废水', dict, seg);
    expect(plan.terms.map((t) => [t.words.map((w) => w.text), t.min])).toEqual([
      [['柑橘', '深加工', '果胶', '提取'], 2],
      [['废水'], 1],
    ]);
    expect(plan.terms[0]!.words.map((w) => w.weight)).toEqual([80, 30, 30, 30]);
    expect(plan.needles).toEqual(['柑橘', '深加工', '果胶', '提取', '废水', '污水']);
    expect(planQuery('" * ( ) :', dict, seg).terms).toEqual([]);
  });
});

describe('subsets (k-of-n as an OR of conjunctions)', () => {
  it('lists every k-element subset once, in order', () => {
    expect(subsets(['a', 'b', 'c'], 2)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
    expect(subsets([1, 2, 3, 4, 5, 6], 3)).toHaveLength(20);
    expect(subsets(['a'], 1)).toEqual([['a']]);
    expect(subsets(['a', 'b'], 3)).toEqual([]);
  });
});
