import { FlagOutlined, LoginOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n';
import type { LoginState } from '../../lib/navigation';
import { useSession } from '../../session/SessionContext';

/**
 * The hall detail's 揭榜 entry: 我要揭榜 for individual and unit accounts while the need is open, a login
 * prompt for visitors. The server checks eligibility when the sign-up is sent.
 */
export function TakeEntry({ challengeId, open }: { challengeId: number; open: boolean }) {
  const { t } = useI18n();
  const { user, loaded } = useSession();
  const navigate = useNavigate();
  const target = `/console/taking/new/${challengeId}`;
  if (!loaded || !open) return null;
  if (!user) {
    const state: LoginState = { notice: 'loginRequired', from: target };
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('tk.entry.loginTitle')}
        description={t('tk.entry.loginText')}
        action={
          <Button
            icon={<LoginOutlined aria-hidden="true" />}
            onClick={() => void navigate('/login', { state })}
          >
            {t('tk.entry.login')}
          </Button>
        }
      />
    );
  }
  if (user.role !== 'individual' && user.role !== 'unit') return null;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <span style={{ flex: 1, minWidth: 200 }}>{t('tk.entry.loginText')}</span>
        <Button
          type="primary"
          icon={<FlagOutlined aria-hidden="true" />}
          onClick={() => void navigate(target)}
        >
          {t('tk.entry.take')}
        </Button>
      </div>
    </Card>
  );
}
