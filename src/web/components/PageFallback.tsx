import { useI18n } from '../i18n';

/** Shown while a page's code loads: plain markup, so it costs nothing in the first bundle. */
export function PageFallback({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={fullScreen ? 'page-fallback page-fallback--full' : 'page-fallback'} role="status">
      <span className="page-fallback__spinner" aria-hidden="true" />
      {t('common.loading')}
    </div>
  );
}
