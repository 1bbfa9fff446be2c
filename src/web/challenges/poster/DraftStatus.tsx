import { CheckCircleOutlined, CloudUploadOutlined, EditOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n';
import type { DraftState } from './useChallengeDraft';

/** “已自动保存 hh:mm:ss”, “正在保存…”, kept locally while incomplete, or why saving failed. */
export function DraftStatus({ state, onRetry }: { state: DraftState; onRetry(): void }) {
  const { t } = useI18n();
  let body = null;
  switch (state.kind) {
    case 'saved':
      body = state.at ? (
        <span style={{ color: '#2a7a1f' }}>
          <CheckCircleOutlined aria-hidden="true" />{' '}
          {t('st.save.saved', { time: dayjs(state.at).format('HH:mm:ss') })}
        </span>
      ) : null;
      break;
    case 'saving':
      body = (
        <span>
          <CloudUploadOutlined aria-hidden="true" /> {t('st.save.saving')}
        </span>
      );
      break;
    case 'dirty':
      body = (
        <span style={{ color: 'var(--text-2)' }}>
          <EditOutlined aria-hidden="true" /> {t('st.save.dirty')}
        </span>
      );
      break;
    case 'incomplete':
      body = (
        <span style={{ color: 'var(--text-2)' }}>
          <EditOutlined aria-hidden="true" /> {t('chp.save.incomplete')}
        </span>
      );
      break;
    case 'error':
      body = (
        <Space size={4} wrap>
          <span style={{ color: '#c4161c' }}>
            <WarningOutlined aria-hidden="true" /> {t('st.save.failed', { message: state.message })}
          </span>
          <span style={{ color: 'var(--text-2)' }}>{t('st.save.local')}</span>
          <Button size="small" onClick={onRetry}>
            {t('st.save.retry')}
          </Button>
        </Space>
      );
      break;
    case 'conflict':
      body = null;
      break;
  }
  return (
    <div role="status" aria-live="polite" data-testid="autosave-status" style={{ minHeight: 22 }}>
      {body}
    </div>
  );
}
