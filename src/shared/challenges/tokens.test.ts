import { describe, expect, it } from 'vitest';
import { alternatives, planQuery, segment, type TermEntry } from './query.js';
import { ftsQuery, highlight, indexTokens, queryTerms, tsQuery, tsVector, type Group } from './tokens.js';

const dict: TermEntry[] = [
  { term: '柑橘', synonyms: ['柑桔'], narrower: [] },
  { term: '锂电', synonyms: [], narrower: ['锂电池'] },
  { term: '中药材', synonyms: [], narrower: ['百蕊草'] },
];

describe('bigram tokens', () => {
  it('indexes Han runs as bigrams plus the last character, other runs as lower-cased words', () => {
    expect(indexTokens('锂电池 CAR-T细胞')).toEqual(['锂电', '电池', '池', 'car', 't', '细胞', '胞']);
    expect(indexTokens('膜')).toEqual(['膜']);
    expect(indexTokens('ＡＢＣ１２')).toEqual(['abc12']);
  });

  it('splits queries on spaces and punctuation, dropping operators to plain words', () => {
    expect(queryTerms('  锂电池   "回收" col:x ')).toEqual(['锂电池', '回收', 'col', 'x']);
    expect(queryTerms('" * ( ) :')).toEqual([]);
    expect(queryTerms('锂'.repeat(100))[0]).toHaveLength(30);
  });

  it('expands synonyms both ways and narrower terms one way, and segments by the dictionary', () => {
    expect(alternatives('柑桔', dict).sort()).toEqual(['柑桔', '柑橘']);
    expect(alternatives('中药材', dict)).toEqual(['中药材', '百蕊草']);
    expect(alternatives('百蕊草', dict)).toEqual(['百蕊草']);
    expect(segment('柑橘种植', dict)).toEqual(['柑橘', '种植']);
  });

  it('builds quoted FTS5 and tsquery text that carries no user operators', () => {
    const groupsOf = (q: string, d: TermEntry[]): Group[] =>
      planQuery(q, d).terms.map((t) => t.words.flatMap((w) => w.alts));
    const groups = groupsOf('柑橘 锂', dict);
    const { needles } = planQuery('柑橘 锂', dict);
    expect(ftsQuery(groups)).toBe('(("柑橘") OR ("柑桔")) AND (("锂" *))');
    expect(tsQuery(groups)).toBe("(('柑橘') | ('柑桔')) & (('锂':*))");
    expect(needles).toEqual(['柑橘', '柑桔', '锂']);
    expect(tsQuery(groupsOf('锂电池', []))).toBe("((('锂电' <-> '电池')))");
    expect(ftsQuery(groupsOf('a"b OR', []))).toBe('(("a" *)) AND (("b" *)) AND (("or" *))');
  });

  it('writes tsvector text with weights and positions', () => {
    expect(tsVector('锂电池', "o'k")).toBe("'锂电':1A '电池':2A '池':3A 'o':14B 'k':15B");
  });

  it('highlights every occurrence, case-insensitively', () => {
    expect(highlight('CAR-T 与 car', ['car'])).toEqual([
      { text: 'CAR', hit: true },
      { text: '-T 与 ', hit: false },
      { text: 'car', hit: true },
    ]);
  });
});
