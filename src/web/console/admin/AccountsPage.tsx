import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { PageHead } from '../PageHead';
import { AccountsTable } from './AccountsTable';
import { CreateStaffModal } from './CreateStaffModal';
import { InitialPasswordModal, type ShownPassword } from './InitialPasswordModal';
import { useDistricts } from './useDistricts';

/** 账号管理 (system admin): list, create staff accounts, reset passwords, disable and enable. */
export default function AccountsPage() {
  const { t } = useI18n();
  const districts = useDistricts();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<ShownPassword | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  return (
    <>
      <PageHead title={t('acc.title')} lead={t('acc.lead')} />
      <AccountsTable
        districts={districts}
        reloadKey={reloadKey}
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('acc.create')}
          </Button>
        }
        handlers={{
          onResetPassword: (u, password) => setShown({ username: u.username, password, kind: 'reset' }),
        }}
      />
      <CreateStaffModal
        open={creating}
        districts={districts}
        onClose={() => setCreating(false)}
        onCreated={(user, password) => {
          setCreating(false);
          setReloadKey((k) => k + 1);
          setShown({ username: user.username, password, kind: 'created' });
        }}
      />
      <InitialPasswordModal shown={shown} onClose={() => setShown(null)} />
    </>
  );
}
