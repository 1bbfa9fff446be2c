import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLang } from '../api/client';
import { translate, translateLoose, type MessageKey, type Params } from './dict';
import { storeLang, storedLang } from './storage';
import type { Bilingual, Lang } from './types';

export type { Lang, Bilingual } from './types';
export type { MessageKey } from './dict';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Params): string;
  /** A message whose key is built at run time; `fallback` when there is none. */
  tx(key: string, fallback: string): string;
  /** Picks the language of a bilingual content string. */
  pick(text: Bilingual): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setApiLang(next);
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      tx: (key, fallback) => translateLoose(lang, key, fallback),
      pick: (text) => (lang === 'en' ? text.en : text.zh),
    }),
    [lang, setLang],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const ctx = use(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
