import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { useDocumentTitle } from '../lib/useTitle';

export function Forbidden({ notFound = false }: { notFound?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const title = notFound ? t('common.notFound') : t('common.forbidden');
  useDocumentTitle(title);
  return (
    <Result
      status={notFound ? '404' : '403'}
      title={<h1 style={{ fontSize: 20, margin: 0 }}>{title}</h1>}
      subTitle={notFound ? t('common.notFoundDesc') : t('common.forbiddenDesc')}
      extra={
        <Button type="primary" onClick={() => navigate('/console')}>
          {t('menu.dashboard')}
        </Button>
      }
    />
  );
}
