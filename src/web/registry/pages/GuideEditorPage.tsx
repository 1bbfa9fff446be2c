import { Alert, App, Button, Card, Form, Input, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { applyServerErrors } from '../../lib/formErrors';
import { useRequest } from '../../lib/useRequest';
import { useSession } from '../../session/SessionContext';
import { guideApi } from '../api';
import { GUIDE_KEYS, type Guide, type GuideKey } from '../types';

type Values = Record<GuideKey, string>;

/** 服务指南 (district office): the seven sections of its own office's guide, published in the directory. */
export default function GuideEditorPage() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const regionId = user?.region?.id ?? null;
  const region = useRequest(regionId ? `region:${regionId}` : null, () => guideApi.get(regionId ?? 0));
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const data = region.data;

  useEffect(() => {
    if (data) form.setFieldsValue(Object.fromEntries(GUIDE_KEYS.map((k) => [k, data.guide[k]])) as Values);
  }, [data, form]);

  const save = async (v: Values) => {
    if (!data) return;
    setBusy(true);
    setError(null);
    try {
      const body: Guide = { ...v, updatedAt: data.guide.updatedAt };
      await guideApi.save(data.id, body);
      void message.success(t('guide.saved'));
      region.reload();
    } catch (err) {
      setError(applyServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHead title={data ? `${t('menu.guide')} · ${data.name}` : t('menu.guide')} lead={t('guide.lead')} />
      {!regionId && <Alert type="warning" showIcon title={t('guide.noRegion')} />}
      {region.error && (
        <Alert type="error" showIcon title={region.error.message} style={{ marginBottom: 16 }} />
      )}
      {regionId && !data && !region.error && <Spin />}
      {data && (
        <Card
          extra={
            data.guide.updatedAt && (
              <span style={{ color: 'var(--text-2)' }}>
                {t('guide.updatedAt', { at: formatDateTime(data.guide.updatedAt) })}
              </span>
            )
          }
        >
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
          <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)} name="guide">
            {data.sections.map((s) => (
              <Form.Item key={s.key} label={tx(`guide.section.${s.key}`, s.label)} name={s.key}>
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
            ))}
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('action.save')}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
