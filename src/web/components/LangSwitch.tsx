import { useI18n } from '../i18n';

/**
 * Switches between Chinese and English; the label is written in the language it switches to, and
 * marked with that language so screen readers pronounce it correctly.
 */
export function LangSwitch({ variant = 'light' }: { variant?: 'light' | 'dark' }) {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className={`lang-switch lang-switch--${variant}`}
      lang={next}
      onClick={() => setLang(next)}
      data-testid="lang-switch"
    >
      <span aria-hidden="true" className="lang-switch__icon">
        文/A
      </span>
      {t('lang.switch')}
    </button>
  );
}
