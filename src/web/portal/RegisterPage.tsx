import { Card, Tabs } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../i18n';
import { useDocumentTitle } from '../lib/useTitle';
import { IndividualRegisterForm } from './IndividualRegisterForm';
import { UnitRegisterForm } from './UnitRegisterForm';

type Tab = 'unit' | 'individual';

/** 用户注册: 单位注册 and 个人注册 tabs; the tab is in the URL (?tab=individual). */
export default function RegisterPage() {
  const { t } = useI18n();
  useDocumentTitle(t('reg.title'));
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'individual' ? 'individual' : 'unit';

  return (
    <div className="portal-page">
      <div className="auth-wrap auth-wrap--wide">
        <h1 className="page-title">{t('reg.title')}</h1>
        <p className="page-lead">
          {t('reg.lead')} {t('reg.haveAccount')} <Link to="/login">{t('reg.toLogin')}</Link>
        </p>
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(k) => setParams({ tab: k }, { replace: true })}
            items={[
              { key: 'unit', label: t('reg.tab.unit'), children: <UnitRegisterForm /> },
              { key: 'individual', label: t('reg.tab.individual'), children: <IndividualRegisterForm /> },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
