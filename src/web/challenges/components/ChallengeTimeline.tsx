import { Timeline } from 'antd';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { ChallengeEvent } from '../types';
import '../../stations/stations.css';

const COLORS: Record<string, string> = {
  submit: 'blue',
  withdraw: 'gray',
  municipal_approve: 'cyan',
  municipal_publish: 'green',
  national_publish: 'green',
  municipal_return: 'orange',
  national_return: 'orange',
  municipal_reject: 'red',
  national_reject: 'red',
  close: 'gray',
};

/** 办理记录 of a posting: who did what when, with the opinion (decisions of both review levels). */
export function ChallengeTimeline({ events, createdAt }: { events: ChallengeEvent[]; createdAt?: string }) {
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
                <strong>{t('chp.timeline.created')}</strong>
              </div>
            ),
          },
        ]
      : []),
    ...events.map((e) => ({
      key: e.id,
      color: COLORS[e.action] ?? 'blue',
      content: (
        <div className="st-event" data-testid={`event-${e.action}`}>
          <div className="st-event__time">{formatDateTime(e.at)}</div>
          <div>
            <strong>{tx(`chp.event.${e.action}`, e.action)}</strong>
            <span className="st-event__who">
              {e.actorName}（{tx(`role.${e.actorRole}`, e.actorRole)}）
            </span>
          </div>
          {e.opinion && <div className="st-event__opinion">{e.opinion}</div>}
        </div>
      ),
    })),
  ];
  if (items.length === 0) return <p style={{ color: 'var(--text-2)' }}>{t('chp.timeline.empty')}</p>;
  return <Timeline items={items} data-testid="challenge-timeline" />;
}
