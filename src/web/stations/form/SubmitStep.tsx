import { FilePdfOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Tag, Upload } from 'antd';
import { useState, type MouseEvent } from 'react';
import type { ApplicationFormData } from '../../../shared/stations/form';
import { useI18n } from '../../i18n';
import { asApiError } from '../../lib/useRequest';
import { applicationsApi, uploadFile } from '../api';
import { ApplicationView } from '../components/ApplicationView';
import { FileLink } from '../components/FileLink';
import { isFlagged, sectionOf } from '../sections';
import type { ApplicationDetail } from '../types';

/**
 * ④ 预览与提交: the whole form read only, the printable 申报表, the sealed scan and the submit button.
 * The server decides whether the application may be submitted; its refusal (NOT_ELIGIBLE lists what
 * is missing, SCAN_REQUIRED) is shown as it comes.
 */
export function SubmitStep({
  detail,
  data,
  flush,
  onDetail,
  onGo,
}: {
  detail: ApplicationDetail;
  data: ApplicationFormData;
  flush(): Promise<boolean>;
  onDetail(d: ApplicationDetail): void;
  onGo(path: string): void;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [error, setError] = useState<{ message: string; paths: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [scanBusy, setScanBusy] = useState(false);
  const pdf = applicationsApi.pdfUrl(detail.id);
  const scanFlagged = isFlagged(detail.flagged, 'sealedScan');

  const openPdf = async (e: MouseEvent<HTMLElement>) => {
    // The PDF is printed from the saved form: save pending edits first.
    e.preventDefault();
    await flush();
    window.open(pdf, '_blank', 'noopener');
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      if (!(await flush())) throw new Error(t('st.save.failed', { message: t('st.save.dirty') }));
      const d = await applicationsApi.act(detail.id, 'submit');
      void message.success(t('st.submit.done'));
      onDetail(d);
    } catch (err) {
      const e = asApiError(err);
      setError({ message: e.message, paths: [...new Set(e.fields.map((f) => f.path))] });
    } finally {
      setBusy(false);
    }
  };

  const confirmSubmit = () =>
    modal.confirm({
      title: t('st.submit.title'),
      content: t('st.submit.confirm'),
      okText: t('st.action.submit'),
      cancelText: t('action.cancel'),
      onOk: () => submit(),
    });

  return (
    <>
      <Card
        size="small"
        title={<h3 className="st-section__title">{t('st.preview.title')}</h3>}
        className="st-section"
      >
        <ApplicationView form={data} detail={detail} flagged={detail.flagged} />
      </Card>

      <Card size="small" className="st-section" title={<h3 className="st-section__title">{t('st.pdf')}</h3>}>
        <p className="st-hint">{t('st.pdfHelp')}</p>
        <Button
          href={pdf}
          target="_blank"
          rel="noopener"
          icon={<FilePdfOutlined aria-hidden="true" />}
          onClick={(e) => void openPdf(e)}
        >
          {t('st.pdf')}
        </Button>
      </Card>

      <section
        id="sec-sealedScan"
        aria-labelledby="sec-sealedScan-title"
        className={scanFlagged ? 'st-section st-section--flagged' : 'st-section'}
      >
        <Card
          size="small"
          title={
            <h3 id="sec-sealedScan-title" className="st-section__title">
              {t('st.scan.title')}
            </h3>
          }
          extra={scanFlagged ? <Tag color="red">{t('st.step.flagged')}</Tag> : undefined}
        >
          <Space orientation="vertical" size={8}>
            {detail.sealedScan ? (
              <FileLink id={detail.sealedScan.id} file={detail.sealedScan} />
            ) : (
              <span className="st-empty">{t('st.scan.none')}</span>
            )}
            <Upload
              accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
              showUploadList={false}
              customRequest={({ file }) => {
                setScanBusy(true);
                uploadFile(file as File, 'sealed_scan')
                  .then((view) => applicationsApi.attachScan(detail.id, view.id))
                  .then(
                    (d) => {
                      void message.success(t('st.scan.done'));
                      onDetail(d);
                    },
                    (err: unknown) => void message.error(asApiError(err).message, 6),
                  )
                  .finally(() => setScanBusy(false));
              }}
            >
              <Button icon={<UploadOutlined aria-hidden="true" />} loading={scanBusy}>
                {detail.sealedScan ? t('st.scan.replace') : t('st.scan.upload')}
              </Button>
            </Upload>
            <span className="st-hint">{t('st.uploadHint')}</span>
          </Space>
        </Card>
      </section>

      <Card
        size="small"
        className="st-section"
        title={<h3 className="st-section__title">{t('st.submit.title')}</h3>}
      >
        <p className="st-hint">{t('st.submit.help')}</p>
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            title={t('st.submit.refused')}
            description={
              <>
                <div>{error.message}</div>
                {error.paths.length > 0 && (
                  <Space size={4} wrap style={{ marginTop: 6 }}>
                    {error.paths.map((p) => {
                      const s = sectionOf(p);
                      return s ? (
                        <Button key={p} size="small" onClick={() => onGo(p)}>
                          {t(s.title)}
                        </Button>
                      ) : null;
                    })}
                  </Space>
                )}
              </>
            }
          />
        )}
        {detail.actions.includes('submit') && (
          <Button
            type="primary"
            size="large"
            icon={<SendOutlined aria-hidden="true" />}
            loading={busy}
            onClick={confirmSubmit}
          >
            {t('st.action.submit')}
          </Button>
        )}
      </Card>
    </>
  );
}
