import { Card, Timeline } from 'antd';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { takingApi } from '../api';

/** The solution's history: created, submitted, replaced, and every decision with its reason. */
export function History({ solutionId, version }: { solutionId: number; version: string }) {
  const { t } = useI18n();
  const res = useRequest(`tk-history:${solutionId}:${version}`, () => takingApi.history(solutionId));
  const items = res.data?.items ?? [];
  return (
    <Card size="small" title={t('tk.page.history')} style={{ marginBottom: 16 }} data-testid="history">
      <Timeline
        items={items.map((h, i) => ({
          key: i,
          children: (
            <div>
              <div>
                <strong>{HISTORY_LABELS[h.action] ? t(HISTORY_LABELS[h.action]) : h.action}</strong>{' '}
                <span style={{ color: 'var(--text-2)', fontSize: 12 }}>
                  {formatDateTime(h.at)} · {t(`tk.thread.side.${h.side}`)} {h.actorName}
                </span>
              </div>
              {h.reason && (
                <div style={{ whiteSpace: 'pre-wrap' }}>{t('tk.page.reason', { reason: h.reason })}</div>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

const HISTORY_LABELS: Record<string, MessageKey> = {
  'solution.created': 'tk.h.created',
  'solution.saved': 'tk.h.saved',
  'solution.submit': 'tk.h.submit',
  'solution.replaced': 'tk.h.replaced',
  'solution.withdraw': 'tk.h.withdraw',
  'solution.shortlist': 'tk.h.shortlist',
  'solution.reject': 'tk.h.reject',
  'solution.propose_match': 'tk.h.propose_match',
  'solution.confirm_match': 'tk.h.confirm_match',
  'solution.decline_match': 'tk.h.decline_match',
};
