import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Space } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { applyServerErrors } from '../../lib/formErrors';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session/SessionContext';
import { EvidenceUpload } from '../../stations/components/EvidenceUpload';
import { FileCacheProvider, useFileCache } from '../../stations/components/FileCache';
import { takingApi } from '../api';
import {
  clearSolutionCopy,
  readSolutionCopy,
  sameValues,
  solutionDraftKey,
  solutionValues,
  toSolutionInput,
  writeSolutionCopy,
  type SolutionFormValues,
} from '../solutionDraft';
import type { SignupView, SolutionView } from '../types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** PUT /api/solutions/:id names fields `solution.<field>`; the form's names are the fields themselves. */
function unwrapFields(err: unknown): unknown {
  if (!(err instanceof ApiError)) return err;
  const fields = err.fields.map((f) => ({ ...f, path: f.path.replace(/^solution\./, '') }));
  return new ApiError(err.status, err.code, err.message, fields);
}

/**
 * The taker's solution form (揭榜方案): approach, milestones, budget, team, expected indicators and
 * attachments. Every change is kept in this browser until the server has it, so nothing typed is lost;
 * 保存草稿 / 提交方案 / 替换 / 撤回 appear as the server's `actions` allow.
 */
export function SolutionEditor(props: {
  signup: SignupView;
  solution: SolutionView | null;
  onChanged: (s: SolutionView) => void;
}) {
  return (
    <FileCacheProvider initial={props.solution?.attachments ?? []}>
      <EditorForm {...props} />
    </FileCacheProvider>
  );
}

function EditorForm({
  signup,
  solution,
  onChanged,
}: {
  signup: SignupView;
  solution: SolutionView | null;
  onChanged: (s: SolutionView) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const cache = useFileCache();
  const [form] = Form.useForm<SolutionFormValues>();
  const key = solutionDraftKey(user?.id ?? 0, signup.id);
  const server = solutionValues(solution);
  const [local, setLocal] = useState(() => {
    const copy = readSolutionCopy(key);
    return !copy || sameValues(copy.values, server) ? null : copy;
  });
  // The names of files uploaded before the reload, so the restored form can list them.
  const restoredFiles = local?.files;
  useEffect(() => {
    if (restoredFiles) cache.add(restoredFiles);
  }, [restoredFiles, cache]);
  const [initial] = useState<SolutionFormValues>(() => local?.values ?? server);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const actions = solution?.actions ?? ['edit', 'submit'];
  const submitted = solution?.state === 'submitted';

  const keepLocal = (values: SolutionFormValues) => {
    const ids = Array.isArray(values.attachmentIds) ? (values.attachmentIds as number[]) : [];
    writeSolutionCopy(key, {
      revision: solution?.revision ?? 0,
      at: Date.now(),
      values,
      files: cache.pick(ids),
    });
  };

  /** Saves (creates the draft, saves it, or replaces the submitted one); null when refused. */
  const save = async (): Promise<SolutionView | null> => {
    let values: SolutionFormValues;
    try {
      values = await form.validateFields();
    } catch {
      setError(t('tk.sol.incomplete'));
      return null;
    }
    const input = toSolutionInput(values);
    if (!input) {
      setError(t('tk.sol.incomplete'));
      return null;
    }
    try {
      const out = solution
        ? await takingApi.saveSolution(solution.id, input, solution.revision)
        : await takingApi.createSolution(signup.id, input);
      clearSolutionCopy(key);
      setLocal(null);
      return out;
    } catch (err) {
      setError(applyServerErrors(form, unwrapFields(err)));
      return null;
    }
  };

  const run = async (what: 'draft' | 'submit' | 'replace' | 'withdraw') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'withdraw') {
        if (!solution) return;
        const out = await takingApi.solutionAction(solution.id, 'withdraw');
        clearSolutionCopy(key);
        void message.success(t('tk.sol.withdrawnMsg'));
        onChanged(out);
        return;
      }
      const saved = await save();
      if (!saved) return;
      if (what === 'submit') {
        const out = await takingApi.solutionAction(saved.id, 'submit');
        void message.success(t('tk.sol.submitted'));
        onChanged(out);
      } else {
        void message.success(t(what === 'replace' ? 'tk.sol.replaced' : 'tk.sol.saved'));
        onChanged(saved);
      }
    } catch (err) {
      setError(applyServerErrors(form, err));
    } finally {
      setBusy(null);
    }
  };

  const req = (label: string) => ({
    required: true,
    whitespace: true,
    message: t('tk.signup.required', { label }),
  });
  const area = (name: string, label: string, max: number, required = false, rows = 3) => (
    <Form.Item name={name} label={label} rules={required ? [req(label)] : []}>
      <Input.TextArea autoSize={{ minRows: rows, maxRows: 14 }} maxLength={max} showCount />
    </Form.Item>
  );

  return (
    <Card size="small" title={t('tk.sol.editor')} style={{ marginBottom: 16 }} data-testid="solution-editor">
      {submitted && (
        <Alert type="info" showIcon title={t('tk.sol.replaceNote')} style={{ marginBottom: 12 }} />
      )}
      {local && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('tk.sol.restored', { at: formatDateTime(new Date(local.at).toISOString()) })}
          action={
            <Button
              size="small"
              onClick={() => {
                clearSolutionCopy(key);
                setLocal(null);
                form.setFieldsValue(server);
              }}
            >
              {t('tk.sol.discard')}
            </Button>
          }
        />
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={local ? initial : server}
        onValuesChange={(_c, all) => keepLocal(all)}
      >
        {area('approach', t('tk.sol.approach'), 10_000, true, 5)}
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
              <legend style={{ fontSize: 14, fontWeight: 600 }}>{t('tk.sol.milestones')}</legend>
              {fields.map((f, i) => (
                <Row gutter={12} key={f.key} align="top">
                  <Col xs={24} md={7}>
                    <Form.Item
                      name={[f.name, 'title']}
                      label={`${t('tk.sol.msTitle')} ${i + 1}`}
                      rules={[req(t('tk.sol.msTitle'))]}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={[f.name, 'due']}
                      label={`${t('tk.sol.msDue')} ${i + 1}`}
                      rules={[req(t('tk.sol.msDue')), { pattern: DATE, message: t('tk.sol.dateFormat') }]}
                    >
                      <Input maxLength={10} placeholder="2027-06-30" />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={9}>
                    <Form.Item name={[f.name, 'deliverable']} label={`${t('tk.sol.msDeliverable')} ${i + 1}`}>
                      <Input maxLength={1000} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2} style={{ paddingTop: 30 }}>
                    {fields.length > 1 && (
                      <Button
                        icon={<DeleteOutlined aria-hidden="true" />}
                        aria-label={`${t('tk.sol.msRemove')} ${i + 1}`}
                        onClick={() => remove(f.name)}
                      />
                    )}
                  </Col>
                </Row>
              ))}
              <Button
                icon={<PlusOutlined aria-hidden="true" />}
                onClick={() => add({ title: '', due: '', deliverable: '' })}
              >
                {t('tk.sol.msAdd')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        <Form.Item
          name="budgetWan"
          label={t('tk.sol.budgetWan')}
          rules={[{ required: true, message: t('tk.signup.required', { label: t('tk.sol.budgetWan') }) }]}
        >
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
        {area('budgetNote', t('tk.sol.budgetNote'), 3000)}
        {area('team', t('tk.sol.team'), 3000)}
        {area('indicators', t('tk.sol.indicators'), 3000, true)}
        <Form.Item name="attachmentIds" label={t('tk.sol.attachments')} extra={t('tk.sol.attachmentsHint')}>
          <EvidenceUpload label={t('tk.sol.attachments')} />
        </Form.Item>
      </Form>
      <p style={{ color: 'var(--text-2)', fontSize: 12 }}>{t('tk.sol.local')}</p>
      <Space wrap>
        {!submitted && actions.includes('edit') && (
          <Button loading={busy === 'draft'} onClick={() => void run('draft')}>
            {t('tk.sol.saveDraft')}
          </Button>
        )}
        {(!solution || actions.includes('submit')) && (
          <Button type="primary" loading={busy === 'submit'} onClick={() => void run('submit')}>
            {t('tk.sol.submit')}
          </Button>
        )}
        {submitted && actions.includes('edit') && (
          <Button type="primary" loading={busy === 'replace'} onClick={() => void run('replace')}>
            {t('tk.sol.replace')}
          </Button>
        )}
        {solution && actions.includes('withdraw') && (
          <Popconfirm title={t('tk.sol.withdrawConfirm')} onConfirm={() => void run('withdraw')}>
            <Button danger loading={busy === 'withdraw'}>
              {t('tk.sol.withdraw')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}
