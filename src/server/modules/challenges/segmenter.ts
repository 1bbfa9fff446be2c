import { Jieba } from '@node-rs/jieba';
import { dict as jiebaDict, idf as jiebaIdf } from '@node-rs/jieba/dict.js';
import type { Segmenter } from '../../../shared/challenges/query.js';

/*
 * jieba for queries only (the index stays CJK bigrams, so a dictionary edit never needs a reindex). One
 * instance per process, built on first use; dictionary words are loaded into it as user words as they
 * appear ("loaded into segmentation"). jieba cannot forget a word, so when a word leaves the dictionary
 * the instance is rebuilt (about 0.3 s, once per node after such an edit).
 */

/** High enough that a dictionary word is kept whole, like the commonest entries of jieba's own dictionary. */
const USER_WORD_FREQ = 50_000;

let jieba: Jieba | null = null;
const loaded = new Set<string>();
let idf: Map<string, number> | null = null;
let medianIdf = 10;

function instance(): Jieba {
  jieba ??= Jieba.withDict(jiebaDict);
  return jieba;
}

function idfTable(): Map<string, number> {
  if (idf) return idf;
  idf = new Map();
  for (const line of Buffer.from(jiebaIdf).toString('utf8').split('\n')) {
    const [w, v] = line.trim().split(' ');
    const n = Number(v);
    if (w && Number.isFinite(n)) idf.set(w, n);
  }
  const values = [...idf.values()].sort((a, b) => a - b);
  medianIdf = values[Math.floor(values.length / 2)] ?? medianIdf;
  return idf;
}

/**
 * Makes jieba's user words the given ones: adds those it does not know yet, and starts a fresh instance
 * when one it knows is gone. Words with spaces cannot be jieba entries and are skipped.
 */
export function loadUserWords(words: readonly string[]): void {
  const wanted = new Set(words.filter((w) => !/\s/.test(w)));
  if ([...loaded].some((w) => !wanted.has(w))) {
    jieba = null;
    loaded.clear();
  }
  const fresh = [...wanted].filter((w) => !loaded.has(w));
  if (fresh.length === 0) return;
  instance().loadDict(Buffer.from(fresh.map((w) => `${w} ${USER_WORD_FREQ}\n`).join('')));
  fresh.forEach((w) => loaded.add(w));
}

/**
 * jieba (precise mode, HMM for unknown words) with the dictionary's words; IDF from jieba's table. Both
 * load on first use (a few hundred ms), so one- and two-character queries never wait for them.
 */
export function jiebaSegmenter(userWords: readonly string[]): Segmenter {
  return {
    cut: (text) => {
      loadUserWords(userWords);
      return instance().cut(text, true);
    },
    // Unknown words (new compounds, the dictionary's own terms) weigh like a rare word, as jieba does.
    weight: (word) => idfTable().get(word) ?? Math.max(medianIdf, 10),
  };
}

let plain: Jieba | null = null;

/** Plain jieba (its own instance, no user words ever), for the evaluation's baseline. */
export function plainJiebaCut(text: string): string[] {
  plain ??= Jieba.withDict(jiebaDict);
  return plain.cut(text, true);
}
