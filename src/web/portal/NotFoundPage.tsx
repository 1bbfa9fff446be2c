import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { useDocumentTitle } from '../lib/useTitle';

export default function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  useDocumentTitle(t('common.notFound'));
  return (
    <div className="portal-page">
      <Result
        status="404"
        title={<h1 className="page-title">{t('common.notFound')}</h1>}
        subTitle={t('common.notFoundDesc')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('nav.home')}
          </Button>
        }
      />
    </div>
  );
}
