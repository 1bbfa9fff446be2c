import { Tag, Timeline } from 'antd';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { sectionOf } from '../sections';
import type { TimelineEvent } from '../types';

const COLORS: Record<string, string> = {
  submit: 'blue',
  withdraw: 'gray',
  return: 'orange',
  recommend: 'cyan',
  district_reject: 'red',
  certify: 'green',
  municipal_reject: 'red',
};

/** 办理记录: who did what when, with the opinion and the sections flagged for correction. */
export function ApplicationTimeline({ events, createdAt }: { events: TimelineEvent[]; createdAt?: string }) {
  const { t, tx } = useI18n();
  const items = [
    ...(createdAt
      ? [
          {
            key: 'created',
            color: 'gray',
            content: (
              <div className="st-event">
                <div className="st-event__time">{formatDateTime(createdAt)}</div>
                <strong>{t('st.timeline.created')}</strong>
              </div>
            ),
          },
        ]
      : []),
    ...events.map((e) => ({
      key: e.id,
      color: COLORS[e.action] ?? 'blue',
      content: (
        <div className="st-event">
          <div className="st-event__time">{formatDateTime(e.at)}</div>
          <div>
            <strong>{tx(`st.event.${e.action}`, e.action)}</strong>
            <span className="st-event__who">
              {e.actorName}（{tx(`role.${e.actorRole}`, e.actorRole)}）
            </span>
          </div>
          {e.opinion && <div className="st-event__opinion">{e.opinion}</div>}
          {e.flagged.length > 0 && (
            <div style={{ marginTop: 4 }}>
              {t('st.timeline.flagged')}
              {e.flagged.map((p) => {
                const s = sectionOf(p);
                return (
                  <Tag key={p} color="red" style={{ marginBottom: 4 }}>
                    {s ? t(s.title) : p}
                  </Tag>
                );
              })}
            </div>
          )}
        </div>
      ),
    })),
  ];
  if (items.length === 0) return <p style={{ color: 'var(--text-2)' }}>{t('st.timeline.empty')}</p>;
  return <Timeline items={items} data-testid="timeline" />;
}
