import { Card, Form, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { EvidenceUpload } from '../components/EvidenceUpload';
import { isFlagged, sectionDomId } from '../sections';

/**
 * One part of the form as a titled region. When the district office flagged it for correction it is
 * outlined in red with a 需修改 tag.
 */
export function Section({
  path,
  title,
  hint,
  flagged,
  children,
  heading,
}: {
  path: string;
  title: MessageKey;
  hint?: MessageKey;
  flagged: readonly string[];
  children?: ReactNode;
  /** Replaces the plain title (the recommended conditions put their checkbox there). */
  heading?: ReactNode;
}) {
  const { t } = useI18n();
  const id = sectionDomId(path);
  const marked = isFlagged(flagged, path);
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className={marked ? 'st-section st-section--flagged' : 'st-section'}
    >
      <Card
        size="small"
        title={
          heading ?? (
            <h3 id={`${id}-title`} className="st-section__title">
              {t(title)}
            </h3>
          )
        }
        extra={marked ? <Tag color="red">{t('st.step.flagged')}</Tag> : undefined}
      >
        {hint && <p className="st-hint">{t(hint)}</p>}
        {children}
      </Card>
    </section>
  );
}

export type NamePath = (string | number)[];

/** An evidence slot: the files go up as they are chosen; the form keeps their ids. */
export function EvidenceField({
  name,
  label = 'st.f.evidence',
  section,
  disabled = false,
}: {
  name: NamePath;
  label?: MessageKey;
  /** The section title, to name the upload button. */
  section: string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={t(label)} extra={disabled ? undefined : t('st.uploadHint')}>
      <EvidenceUpload label={`${t(label)}（${section}）`} disabled={disabled} />
    </Form.Item>
  );
}
