import { useState } from 'react';
import type { User } from '../../api/types';
import { useI18n } from '../../i18n';
import { PageHead } from '../PageHead';
import { AccountsTable } from './AccountsTable';
import { ChangeRoleModal } from './ChangeRoleModal';
import { useDistricts } from './useDistricts';

/** 账号角色 (security admin): change a staff account's role and district, unlock locked accounts. */
export default function AccountRolesPage() {
  const { t } = useI18n();
  const districts = useDistricts();
  const [target, setTarget] = useState<User | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  return (
    <>
      <PageHead title={t('acc.rolesTitle')} lead={t('acc.rolesLead')} />
      <AccountsTable districts={districts} reloadKey={reloadKey} handlers={{ onChangeRole: setTarget }} />
      <ChangeRoleModal
        target={target}
        districts={districts}
        onClose={() => setTarget(null)}
        onDone={() => {
          setTarget(null);
          setReloadKey((k) => k + 1);
        }}
      />
    </>
  );
}
