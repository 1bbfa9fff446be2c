import { Card, Descriptions, Space, Table, Tag, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import type { ApplicationFormData } from '../../../shared/stations/form';
import { useI18n, type MessageKey } from '../../i18n';
import { isFlagged, sectionDomId } from '../sections';
import type { ApplicationDetail, FileView } from '../types';
import { useFileCache } from './FileCache';
import { FileLink, FileList } from './FileLink';

type Item = NonNullable<DescriptionsProps['items']>[number];
type Form = ApplicationFormData;

const RECOMMENDED = ['platform', 'industry', 'strategy', 'littleGiant', 'candidate'] as const;

function Part({
  path,
  title,
  flagged,
  children,
  extra,
}: {
  path: string;
  title: MessageKey;
  flagged: readonly string[];
  children: ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const marked = isFlagged(flagged, path);
  const id = `view-${sectionDomId(path)}`;
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={marked ? 'st-section st-section--flagged' : 'st-section'}
    >
      <Card
        size="small"
        title={
          <h3 id={`${id}-title`} className="st-section__title">
            {t(title)}
          </h3>
        }
        extra={
          <>
            {extra}
            {marked && <Tag color="red">{t('st.step.flagged')}</Tag>}
          </>
        }
      >
        {children}
      </Card>
    </section>
  );
}

/**
 * Everything the unit filled in, read only: the unit's preview before submitting, the unit's view of a
 * submitted application and the offices' review page. Evidence files open inline or in a new tab.
 */
export function ApplicationView({
  form: f,
  detail,
  flagged = [],
  sealedScan,
}: {
  form: Form;
  detail: Pick<ApplicationDetail, 'unit' | 'region'>;
  flagged?: readonly string[];
  sealedScan?: FileView | null;
}) {
  const { t } = useI18n();
  const cache = useFileCache();
  const empty = <span className="st-empty">{t('st.empty')}</span>;
  const text = (v: string | number | null | undefined, unit = ''): ReactNode =>
    v === null || v === undefined || v === '' ? empty : `${v}${unit}`;
  const files = (ids: readonly number[]) => <FileList ids={ids} files={cache.get} />;
  const yes = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  const d = (items: Item[], column = 2) => (
    <Descriptions size="small" bordered column={{ xs: 1, md: column }} items={items} />
  );
  const b = f.basic;
  const r = f.recommended;
  const level = (l: 'national' | 'municipal' | null) => (l ? t(`st.level.${l}`) : empty);

  const claim = (k: keyof Form['recommended'], items: Item[]): ReactNode =>
    r[k].claimed && (
      <Part path={`recommended.${k}`} title={`st.sec.recommended.${k}` as MessageKey} flagged={flagged}>
        {d(items, 1)}
      </Part>
    );
  const unclaimed = RECOMMENDED.filter((k) => !r[k].claimed);

  return (
    <div className="st-view">
      <Part path="profile" title="st.sec.profile" flagged={flagged}>
        {d([
          { key: 'n', label: t('st.f.unitName'), children: detail.unit.name },
          {
            key: 'c',
            label: t('st.f.creditCode'),
            children: <span className="mono st-nowrap">{detail.unit.creditCode}</span>,
          },
          { key: 't', label: t('st.f.unitType'), children: t(`unitType.${detail.unit.unitType}`) },
          { key: 'r', label: t('st.f.region'), children: detail.region.name },
          { key: 'l', label: t('st.f.legalPerson'), children: text(f.profile.legalPerson) },
          {
            key: 'o',
            label: t('st.f.operatingStatus'),
            children: f.profile.operatingStatus ? t(`st.op.${f.profile.operatingStatus}`) : empty,
          },
          { key: 's', label: t('st.f.staffCount'), children: text(f.profile.staffCount) },
          { key: 'v', label: t('st.f.revenue'), children: text(f.profile.revenue) },
          { key: 'd', label: t('st.f.rdSpending'), children: text(f.profile.rdSpending) },
        ])}
      </Part>
      <Part path="basic.legal" title="st.sec.basic.legal" flagged={flagged}>
        {d(
          [
            { key: 's', label: t('st.f.statement'), children: text(b.legal.statement) },
            { key: 'e', label: t('st.f.evidence'), children: files(b.legal.evidence) },
          ],
          1,
        )}
      </Part>
      <Part path="basic.rdInstitution" title="st.sec.basic.rdInstitution" flagged={flagged}>
        {d([
          { key: 'n', label: t('st.f.rdName'), children: text(b.rdInstitution.name) },
          { key: 's', label: t('st.f.rdStaff'), children: text(b.rdInstitution.staff) },
          {
            key: 'd',
            label: t('st.f.rdDescription'),
            children: text(b.rdInstitution.description),
            span: 'filled',
          },
          { key: 'e', label: t('st.f.evidence'), children: files(b.rdInstitution.evidence), span: 'filled' },
        ])}
      </Part>
      <Part path="basic.team" title="st.sec.basic.team" flagged={flagged}>
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={b.team.supervisors}
          locale={{ emptyText: t('st.f.noSupervisors') }}
          scroll={{ x: true }}
          columns={[
            { title: t('st.f.supName'), dataIndex: 'name', render: (v: string) => text(v) },
            { title: t('st.f.supTitle'), dataIndex: 'title', render: (v: string) => text(v) },
            { title: t('st.f.supSenior'), dataIndex: 'senior', render: yes },
            { title: t('st.f.supFullTime'), dataIndex: 'fullTime', render: yes },
            { title: t('st.f.supField'), dataIndex: 'field', render: (v: string) => text(v) },
            { title: t('st.f.supEvidence'), dataIndex: 'evidence', render: (ids: number[]) => files(ids) },
          ]}
        />
      </Part>
      <Part path="basic.conditions" title="st.sec.basic.conditions" flagged={flagged}>
        {d([
          { key: 'p', label: t('st.f.payNotLower'), children: yes(b.conditions.payNotLower), span: 'filled' },
          { key: 'a', label: t('st.f.annualPay'), children: text(b.conditions.annualPay) },
          {
            key: 'd',
            label: t('st.f.conditionsDescription'),
            children: text(b.conditions.description),
            span: 'filled',
          },
          { key: 'e', label: t('st.f.evidence'), children: files(b.conditions.evidence), span: 'filled' },
        ])}
      </Part>
      <Part path="basic.plan" title="st.sec.basic.plan" flagged={flagged}>
        {d([
          { key: 'p', label: t('st.f.placesPerYear'), children: text(b.plan.placesPerYear), span: 'filled' },
          { key: 'u', label: t('st.f.university'), children: text(b.plan.mobileStation.university) },
          { key: 'd', label: t('st.f.discipline'), children: text(b.plan.mobileStation.discipline) },
          {
            key: 'e',
            label: t('st.f.mobileEvidence'),
            children: files(b.plan.mobileStation.evidence),
            span: 'filled',
          },
        ])}
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={b.plan.projects}
          locale={{ emptyText: t('st.f.noProjects') }}
          columns={[
            { title: t('st.f.projTitle'), dataIndex: 'title', width: '30%', render: (v: string) => text(v) },
            {
              title: t('st.f.projDomain'),
              dataIndex: 'domain',
              width: '20%',
              render: (v: string | null) => (v ? t(`st.domain.${v}` as MessageKey) : empty),
            },
            { title: t('st.f.projSummary'), dataIndex: 'summary', render: (v: string) => text(v) },
          ]}
        />
      </Part>
      <Part path="basic.management" title="st.sec.basic.management" flagged={flagged}>
        {d([
          { key: 'n', label: t('st.f.staffName'), children: text(b.management.staffName) },
          { key: 'p', label: t('st.f.staffPhone'), children: text(b.management.staffPhone) },
          {
            key: 'e',
            label: t('st.f.rulesEvidence'),
            children: files(b.management.evidence),
            span: 'filled',
          },
        ])}
      </Part>
      {claim('platform', [
        { key: 'n', label: t('st.f.platformName'), children: text(r.platform.name) },
        { key: 'l', label: t('st.f.level'), children: level(r.platform.level) },
        { key: 'e', label: t('st.f.evidence'), children: files(r.platform.evidence) },
      ])}
      {claim('industry', [
        { key: 'd', label: t('st.f.industryDescription'), children: text(r.industry.description) },
        { key: 'e', label: t('st.f.evidence'), children: files(r.industry.evidence) },
      ])}
      {claim('strategy', [
        { key: 's', label: t('st.f.strategies'), children: r.strategy.strategies.join('、') || empty },
        { key: 'd', label: t('st.f.strategyDescription'), children: text(r.strategy.description) },
        { key: 'e', label: t('st.f.evidence'), children: files(r.strategy.evidence) },
      ])}
      {claim('littleGiant', [
        { key: 'l', label: t('st.f.level'), children: level(r.littleGiant.level) },
        { key: 'e', label: t('st.f.evidence'), children: files(r.littleGiant.evidence) },
      ])}
      {claim('candidate', [
        { key: 'n', label: t('st.f.candidateName'), children: text(r.candidate.name) },
        { key: 'e', label: t('st.f.candidateEvidence'), children: files(r.candidate.evidence) },
      ])}
      {unclaimed.length > 0 && (
        <Part path="recommended" title="st.notClaimedList" flagged={[]}>
          <Space size={[4, 4]} wrap>
            {unclaimed.map((k) => (
              <Tag key={k}>{t(`st.sec.recommended.${k}`)}</Tag>
            ))}
          </Space>
        </Part>
      )}
      {sealedScan !== undefined && (
        <Part path="sealedScan" title="st.sec.sealedScan" flagged={flagged}>
          {sealedScan ? (
            <FileLink id={sealedScan.id} file={sealedScan} />
          ) : (
            <span className="st-empty">{t('st.scan.none')}</span>
          )}
        </Part>
      )}
    </div>
  );
}
