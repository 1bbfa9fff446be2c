import { Alert, Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import type { ApplicationState } from '../hooks/useApplication';
import type { ApplicationDetail } from '../types';
import { FileCacheProvider } from './FileCache';

/** Loading, not-found and error states of an application page; the content once it is there. */
export function DetailFrame({
  app,
  back,
  children,
}: {
  app: ApplicationState;
  back: string;
  children: (d: ApplicationDetail) => ReactNode;
}) {
  const { t } = useI18n();
  if (app.error && !app.detail) {
    if (app.error.code === 'NOT_FOUND')
      return (
        <Result
          status="404"
          title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('common.notFound')}</h1>}
          extra={
            <Link to={back}>
              <Button type="primary">{t('action.back')}</Button>
            </Link>
          }
        />
      );
    return <Alert type="error" showIcon title={app.error.message} role="alert" />;
  }
  if (!app.detail)
    return (
      <div style={{ padding: 64, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  const d = app.detail;
  return (
    <FileCacheProvider
      key={`${d.id}:${app.version}`}
      initial={[...d.files, ...(d.sealedScan ? [d.sealedScan] : [])]}
    >
      {app.error && <Alert type="error" showIcon title={app.error.message} style={{ marginBottom: 16 }} />}
      {children(d)}
    </FileCacheProvider>
  );
}
