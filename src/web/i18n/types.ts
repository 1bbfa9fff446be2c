/** The two languages of the client. zh-CN is the default. */
export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** One message: [Chinese, English]. Keeping both side by side makes a missing translation visible. */
export type Entry = readonly [zh: string, en: string];
export type Dict = Record<string, Entry>;

/** A piece of text given in both languages, used by content modules (help, dashboard). */
export interface Bilingual {
  zh: string;
  en: string;
}
