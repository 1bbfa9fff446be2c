import { Button, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { App } from 'antd';
import { organiserApi, type VerifiedType } from './api';
import { NoteDialog } from './NoteDialog';

/** 核实通过 / 存疑 on one posting or sign-up, shown from the server's `actions`. */
export function VerifyButtons(props: {
  type: VerifiedType;
  id: number;
  actions: string[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [action, setAction] = useState<'verify' | 'question' | null>(null);
  return (
    <Space>
      {props.actions.includes('verify') && (
        <Button size="small" type="primary" onClick={() => setAction('verify')}>
          {t('org.v.verify')}
        </Button>
      )}
      {props.actions.includes('question') && (
        <Button size="small" danger onClick={() => setAction('question')}>
          {t('org.v.question')}
        </Button>
      )}
      <NoteDialog
        open={action !== null}
        title={action === 'question' ? t('org.v.question') : t('org.v.verify')}
        label={t('org.v.note')}
        required={action === 'question' ? t('org.v.noteRequired') : undefined}
        onClose={() => setAction(null)}
        onOk={async (note) => {
          await organiserApi.decide(props.type, props.id, action!, note);
          void message.success(t('org.v.done'));
          props.onDone();
        }}
      />
    </Space>
  );
}
