import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Row, Space, Steps, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { checkEligibility } from '../../../shared/stations/eligibility';
import type { ApplicationFormData } from '../../../shared/stations/form';
import { useI18n } from '../../i18n';
import { ApplicationTimeline } from '../components/ApplicationTimeline';
import { AutosaveStatus } from '../components/AutosaveStatus';
import { DecisionPanel } from '../components/DecisionPanel';
import { EligibilityPanel } from '../components/EligibilityPanel';
import { useFileCache } from '../components/FileCache';
import { clearLocalCopy, formText, normalizeForm, readLocalCopy, type LocalCopy } from '../hooks/localCopy';
import { useAutosave } from '../hooks/useAutosave';
import { isFlagged, sectionDomId, sectionOf, SECTIONS, STEP_TITLES } from '../sections';
import type { ApplicationDetail } from '../types';
import { BasicStep } from './BasicStep';
import { evidenceIds } from './evidence';
import { ProfileStep } from './ProfileStep';
import { RecommendedStep } from './RecommendedStep';
import { SubmitStep } from './SubmitStep';

const LAST_STEP = STEP_TITLES.length - 1;

function scrollToSection(path: string): void {
  const el = document.getElementById(sectionDomId(path));
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el.querySelector<HTMLElement>('input, textarea, button')?.focus({ preventScroll: true });
}

function readStep(v: string | null): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n <= LAST_STEP ? n : 0;
}

/** A local copy worth offering: it differs from what the server holds. */
function restorable(detail: ApplicationDetail): LocalCopy | null {
  const local = readLocalCopy(detail.id);
  if (!local || formText(local.form) === formText(detail.form)) return null;
  return local;
}

/**
 * The unit's multi-step form (设站申报表): ① profile ② basic conditions ③ recommended conditions
 * ④ preview and submit, with the live eligibility check beside every step, autosave to the server and
 * a local copy in the browser.
 */
export function ApplicationEditor({
  detail,
  onDetail,
  onReload,
}: {
  detail: ApplicationDetail;
  onDetail(d: ApplicationDetail): void;
  onReload(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplicationFormData>();
  const cache = useFileCache();
  const [params, setParams] = useSearchParams();
  const step = readStep(params.get('step'));
  const [data, setData] = useState<ApplicationFormData>(detail.form);
  const [restore, setRestore] = useState<LocalCopy | null>(() => restorable(detail));
  const scrollTarget = useRef<string | null>(null);
  const filesOf = useCallback((f: ApplicationFormData) => cache.pick(evidenceIds(f)), [cache]);
  const autosave = useAutosave({
    id: detail.id,
    revision: detail.revision,
    initial: detail.form,
    enabled: true,
    filesOf,
  });
  const eligibility = useMemo(() => checkEligibility(data), [data]);
  const flagged = detail.flagged;

  const onValuesChange = () => {
    const next = normalizeForm(form.getFieldsValue(true));
    if (!next) return;
    setData(next);
    autosave.change(next);
  };

  const goStep = (n: number) => {
    void autosave.flush();
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        q.set('step', String(n));
        return q;
      },
      { replace: true },
    );
    window.scrollTo({ top: 0 });
  };

  /** Jumps to a section (from the eligibility list or the flagged sections), switching step if needed. */
  const goTo = (path: string) => {
    const s = sectionOf(path);
    if (!s) return;
    if (s.step === step) {
      scrollToSection(s.path);
      return;
    }
    scrollTarget.current = s.path;
    goStep(s.step);
  };

  useEffect(() => {
    if (!scrollTarget.current) return;
    const target = scrollTarget.current;
    scrollTarget.current = null;
    // After the new step has rendered.
    requestAnimationFrame(() => scrollToSection(target));
  }, [step]);

  const applyRestore = () => {
    if (!restore) return;
    cache.add(restore.files);
    form.setFieldsValue(restore.form);
    setData(restore.form);
    autosave.change(restore.form);
    setRestore(null);
    void message.info(t('st.restore.done'));
  };

  const missingIn = (n: number) =>
    eligibility.missing.filter((m) => (sectionOf(m.path)?.step ?? -1) === n).length;
  const flaggedIn = (n: number) => SECTIONS.some((s) => s.step === n && isFlagged(flagged, s.path));
  const stepItems = STEP_TITLES.map((title, n) => {
    const missing = missingIn(n);
    const marked = flaggedIn(n);
    return {
      title: t(title),
      status: marked && n !== step ? ('error' as const) : undefined,
      content:
        n === LAST_STEP ? undefined : marked ? (
          <Tag color="red">{t('st.step.flagged')}</Tag>
        ) : missing > 0 ? (
          t('st.step.missing', { n: missing })
        ) : (
          t('st.step.complete')
        ),
    };
  });

  return (
    <>
      {restore && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('st.restore.title')}
          description={
            <>
              {t('st.restore.desc', { time: dayjs(restore.at).format('YYYY-MM-DD HH:mm:ss') })}
              {restore.revision < detail.revision && ` ${t('st.restore.older')}`}
            </>
          }
          action={
            <Space orientation="vertical">
              <Button size="small" type="primary" onClick={applyRestore}>
                {t('st.restore.apply')}
              </Button>
              <Button
                size="small"
                onClick={() => {
                  clearLocalCopy(detail.id);
                  setRestore(null);
                }}
              >
                {t('st.restore.discard')}
              </Button>
            </Space>
          }
        />
      )}
      {autosave.state.kind === 'conflict' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('st.save.conflict')}
          action={
            <Button size="small" danger onClick={() => window.location.reload()}>
              {t('st.save.reload')}
            </Button>
          }
        />
      )}
      {detail.state === 'returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('st.edit.returned')}
          description={
            <>
              {detail.lastOpinion && <p className="st-opinion">{detail.lastOpinion}</p>}
              {flagged.length > 0 && (
                <Space size={4} wrap>
                  {t('st.edit.returnedFlagged')}
                  {flagged.map((p) => {
                    const s = sectionOf(p);
                    return (
                      <Button key={p} size="small" danger onClick={() => goTo(p)}>
                        {s ? t(s.title) : p}
                      </Button>
                    );
                  })}
                </Space>
              )}
            </>
          }
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps current={step} onChange={goStep} items={stepItems} className="st-steps" />
      </Card>
      <Row gutter={16} align="top">
        <Col xs={24} xl={17}>
          <div className="st-toolbar">
            <h2 className="st-step-title">
              {step + 1}. {t(STEP_TITLES[step]!)}
            </h2>
            <AutosaveStatus state={autosave.state} onRetry={() => void autosave.flush()} />
          </div>
          <Form
            form={form}
            name="station"
            layout="vertical"
            initialValues={detail.form}
            onValuesChange={onValuesChange}
            requiredMark={false}
            scrollToFirstError
          >
            {step === 0 && <ProfileStep detail={detail} flagged={flagged} />}
            {step === 1 && <BasicStep flagged={flagged} />}
            {step === 2 && <RecommendedStep flagged={flagged} />}
          </Form>
          {step === LAST_STEP && (
            <SubmitStep detail={detail} data={data} flush={autosave.flush} onDetail={onDetail} onGo={goTo} />
          )}
          <div className="st-nav">
            <Button
              icon={<ArrowLeftOutlined aria-hidden="true" />}
              disabled={step === 0}
              onClick={() => goStep(step - 1)}
            >
              {t('st.prev')}
            </Button>
            {step < LAST_STEP && (
              <Button type="primary" onClick={() => goStep(step + 1)}>
                {t('st.next')} <ArrowRightOutlined aria-hidden="true" />
              </Button>
            )}
          </div>
        </Col>
        <Col xs={24} xl={7}>
          <div className="st-side">
            <EligibilityPanel result={eligibility} onGo={goTo} />
            {detail.actions.includes('withdraw') && (
              <Card size="small" title={t('st.unitActions')}>
                <DecisionPanel detail={detail} onDetail={onDetail} onReload={onReload} size="small" />
              </Card>
            )}
            <Card size="small" title={t('st.timeline')}>
              <ApplicationTimeline events={detail.timeline} createdAt={detail.createdAt} />
            </Card>
          </div>
        </Col>
      </Row>
    </>
  );
}
