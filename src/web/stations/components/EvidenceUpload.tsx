import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { asApiError } from '../../lib/useRequest';
import { fileUrl, uploadFile } from '../api';
import { useFileCache } from './FileCache';
import { FileList } from './FileLink';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
const MAX_FILES = 20;

interface Pending {
  uid: string;
  name: string;
  percent: number;
}

/**
 * An evidence slot of the form (value: file ids). Files go to POST /api/files as they are chosen; the
 * server checks type and size and its refusal is shown. Removing only takes the file off the form.
 */
export function EvidenceUpload({
  id,
  value,
  onChange,
  disabled = false,
  label,
}: {
  id?: string;
  value?: number[];
  onChange?: (ids: number[]) => void;
  disabled?: boolean;
  /** Names the upload button for assistive technology, e.g. “证明材料：基本条件1”. */
  label: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const cache = useFileCache();
  const ids = value ?? [];
  const [pending, setPending] = useState<Pending[]>([]);
  // Several uploads may finish before the form re-renders: each adds to the latest list, not a stale one.
  const latest = useRef<number[]>(ids);
  useEffect(() => {
    latest.current = value ?? [];
  }, [value]);

  if (disabled) return <FileList ids={ids} files={cache.get} />;

  const fileList: UploadFile[] = [
    ...ids.map((fid) => {
      const f = cache.get(fid);
      return {
        uid: String(fid),
        name: f?.filename ?? t('st.file', { id: fid }),
        status: 'done' as const,
        url: fileUrl(fid),
        size: f?.size,
        type: f?.mime,
      };
    }),
    ...pending.map((p) => ({ uid: p.uid, name: p.name, status: 'uploading' as const, percent: p.percent })),
  ];

  return (
    <Upload
      id={id}
      accept={ACCEPT}
      multiple
      fileList={fileList}
      maxCount={MAX_FILES}
      showUploadList={{ showRemoveIcon: true, showDownloadIcon: false }}
      customRequest={({ file }) => {
        const raw = file as File & { uid: string };
        const uid = raw.uid;
        setPending((p) => [...p, { uid, name: raw.name, percent: 0 }]);
        uploadFile(raw, 'evidence', (percent) =>
          setPending((p) => p.map((x) => (x.uid === uid ? { ...x, percent } : x))),
        ).then(
          (view) => {
            cache.add([view]);
            setPending((p) => p.filter((x) => x.uid !== uid));
            const next = [...new Set([...latest.current, view.id])];
            latest.current = next;
            onChange?.(next);
            void message.success(t('st.uploaded', { name: view.filename }));
          },
          (err: unknown) => {
            setPending((p) => p.filter((x) => x.uid !== uid));
            void message.error(t('st.uploadFailed', { name: raw.name, message: asApiError(err).message }), 6);
          },
        );
      }}
      onRemove={(f) => {
        const fid = Number(f.uid);
        if (Number.isInteger(fid)) {
          latest.current = ids.filter((x) => x !== fid);
          onChange?.(latest.current);
        }
        return false;
      }}
    >
      <Button icon={<UploadOutlined aria-hidden="true" />} aria-label={`${t('st.upload')}：${label}`}>
        {t('st.upload')}
      </Button>
    </Upload>
  );
}
