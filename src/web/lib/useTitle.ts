import { useEffect } from 'react';
import { useI18n } from '../i18n';

/** Sets the browser tab's title for the current page, e.g. "登录 - 博后通". */
export function useDocumentTitle(title: string): void {
  const { t } = useI18n();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} - ${app}` : `${app} · ${t('app.tagline')}`;
  }, [title, app, t]);
}
