import { Card, Empty, Timeline } from 'antd';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { FileCacheProvider } from '../../stations/components/FileCache';
import { FileList } from '../../stations/components/FileLink';
import type { StationEvent } from '../types';

const COLORS: Record<string, string> = {
  deregistered: 'red',
  deregistration_declined: 'green',
  'adjustment.to_rectification': 'orange',
  'adjustment.to_active': 'green',
  'adjustment.proposed': 'red',
};

/** 变更记录: status changes of the station with who, when, the cause, the opinion and the evidence. */
export function StationHistory({ events }: { events: StationEvent[] }) {
  const { t, tx } = useI18n();
  return (
    <Card title={t('reg.d.history')}>
      {events.length === 0 ? (
        <Empty description={t('reg.d.noHistory')} />
      ) : (
        <FileCacheProvider initial={[]}>
          <Timeline
            data-testid="station-history"
            items={events.map((e) => ({
              key: e.id,
              color: COLORS[e.action] ?? 'blue',
              content: (
                <div>
                  <div style={{ color: 'var(--text-2)', fontSize: 12 }}>
                    {formatDateTime(e.at)} · {e.actorName === 'system' ? t('reg.system') : e.actorName}
                  </div>
                  <strong>{tx(`reg.event.${e.action}`, e.action)}</strong>
                  {e.to && e.from !== e.to && (
                    <span style={{ marginLeft: 8, color: 'var(--text-2)' }}>
                      {e.from ? tx(`reg.status.${e.from}`, e.from) : ''} → {tx(`reg.status.${e.to}`, e.to)}
                    </span>
                  )}
                  {e.causeLabel && <div>{t('reg.event.cause', { text: e.causeLabel })}</div>}
                  {e.opinion && <div>{t('reg.event.opinion', { text: e.opinion })}</div>}
                  {e.evidence.length > 0 && <FileList ids={e.evidence} files={() => undefined} />}
                </div>
              ),
            }))}
          />
        </FileCacheProvider>
      )}
    </Card>
  );
}
