import { Card, Descriptions, Space, Tag } from 'antd';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { useSession } from '../../session/SessionContext';
import { PageHead } from '../PageHead';
import { StatusTags } from '../StatusTags';

/** 个人资料: the account as the server returns it, with the unit or personal profile. */
export default function ProfilePage() {
  const { t, tx, lang } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  const dash = '—';
  return (
    <>
      <PageHead title={t('profile.title')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('profile.account')}</h2>}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            bordered
            size="small"
            items={[
              { key: 'username', label: t('profile.username'), children: user.username },
              { key: 'displayName', label: t('profile.displayName'), children: user.displayName },
              {
                key: 'role',
                label: t('profile.role'),
                children: <Tag color="blue">{t(`role.${user.role}`)}</Tag>,
              },
              {
                key: 'region',
                label: t('profile.region'),
                children: user.region ? (lang === 'en' ? user.region.nameEn : user.region.name) : dash,
              },
              { key: 'email', label: t('profile.email'), children: user.email || dash },
              { key: 'phone', label: t('profile.phone'), children: user.phone || dash },
              { key: 'status', label: t('profile.status'), children: <StatusTags user={user} /> },
              { key: 'createdAt', label: t('profile.createdAt'), children: formatDateTime(user.createdAt) },
            ]}
          />
        </Card>
        {user.unit && (
          <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('profile.unit')}</h2>}>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              bordered
              size="small"
              items={[
                { key: 'name', label: t('profile.unitName'), children: user.unit.name },
                {
                  key: 'creditCode',
                  label: t('profile.creditCode'),
                  children: <span className="mono">{user.unit.creditCode}</span>,
                },
                {
                  key: 'unitType',
                  label: t('profile.unitType'),
                  children: tx(`unitType.${user.unit.unitType}`, user.unit.unitType),
                },
                {
                  key: 'registrationDate',
                  label: t('profile.registrationDate'),
                  children: formatDate(user.unit.registrationDate),
                },
              ]}
            />
          </Card>
        )}
        {user.person && (
          <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('profile.person')}</h2>}>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              bordered
              size="small"
              items={[
                { key: 'name', label: t('profile.name'), children: user.person.name },
                {
                  key: 'degree',
                  label: t('profile.degree'),
                  children: tx(`degree.${user.person.degree}`, user.person.degree),
                },
                {
                  key: 'postdocStatus',
                  label: t('profile.postdocStatus'),
                  children: tx(`postdoc.${user.person.postdocStatus}`, user.person.postdocStatus),
                },
                { key: 'field', label: t('profile.field'), children: user.person.field },
                { key: 'institution', label: t('profile.institution'), children: user.person.institution },
              ]}
            />
          </Card>
        )}
      </Space>
    </>
  );
}
