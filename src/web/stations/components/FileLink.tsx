import { EyeOutlined, FileImageOutlined, FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Modal, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { fileUrl } from '../api';
import type { FileView } from '../types';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function FileIcon({ mime }: { mime: string }) {
  if (mime === 'application/pdf') return <FilePdfOutlined aria-hidden="true" style={{ color: '#c4161c' }} />;
  if (mime.startsWith('image/')) return <FileImageOutlined aria-hidden="true" style={{ color: '#1a4f9c' }} />;
  return <PaperClipOutlined aria-hidden="true" />;
}

/**
 * One file: its name opens it in a new tab; 预览 shows PDFs and images in a modal. `href` overrides the
 * uploader-based download URL (e.g. a posting's attachment, authorised by the posting).
 */
export function FileLink({ file, id, href }: { file: FileView | undefined; id: number; href?: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const name = file?.filename ?? t('st.file', { id });
  const url = href ?? fileUrl(id);
  const mime = file?.mime ?? '';
  const previewable = mime === 'application/pdf' || mime.startsWith('image/');
  return (
    <Space size={6} wrap>
      <FileIcon mime={mime} />
      <a href={url} target="_blank" rel="noopener noreferrer">
        {name}
      </a>
      {file && <span style={{ color: 'var(--text-2)', fontSize: 12 }}>{formatSize(file.size)}</span>}
      {previewable && (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined aria-hidden="true" />}
          onClick={() => setOpen(true)}
          aria-label={`${t('st.preview')}：${name}`}
          style={{ paddingInline: 4 }}
        >
          {t('st.preview')}
        </Button>
      )}
      {open && (
        <Modal
          open
          title={name}
          width={960}
          onCancel={() => setOpen(false)}
          footer={[
            <a key="tab" href={url} target="_blank" rel="noopener noreferrer" style={{ marginRight: 16 }}>
              {t('st.openNewTab')}
            </a>,
            <Button key="close" onClick={() => setOpen(false)}>
              {t('action.close')}
            </Button>,
          ]}
        >
          {mime === 'application/pdf' ? (
            <iframe title={name} src={url} style={{ width: '100%', height: '70vh', border: 0 }} />
          ) : (
            <img src={url} alt={name} style={{ maxWidth: '100%', display: 'block', margin: '0 auto' }} />
          )}
        </Modal>
      )}
    </Space>
  );
}

/** The files of one evidence slot, or 未上传. */
export function FileList({
  ids,
  files,
  urlOf,
}: {
  ids: readonly number[];
  files: (id: number) => FileView | undefined;
  urlOf?: (id: number) => string;
}) {
  const { t } = useI18n();
  if (ids.length === 0) return <span style={{ color: 'var(--text-2)' }}>{t('st.noFiles')}</span>;
  return (
    <ul className="st-files">
      {ids.map((id) => (
        <li key={id}>
          <FileLink id={id} file={files(id)} href={urlOf?.(id)} />
        </li>
      ))}
    </ul>
  );
}
