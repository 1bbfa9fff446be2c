import { FlagOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import type { MatchPriority } from './api';

/** 揭榜对接优先 (seed 002 §四) on a station application, as the server flags it. */
export function MatchPriorityAlert({ flag }: { flag: MatchPriority | null | undefined }) {
  const { t } = useI18n();
  if (!flag) return null;
  return (
    <Alert
      type="info"
      showIcon
      icon={<FlagOutlined />}
      style={{ marginBottom: 16 }}
      title={t('fu.priority.title')}
      description={
        <>
          {t('fu.priority.text')}
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {flag.challenges.map((c) => (
              <li key={c.id}>
                <Link to={c.link}>{c.title}</Link>
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}
