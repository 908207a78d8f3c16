import { useState } from 'react';
import { App, Button, Popconfirm, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/api/applications';
import { call, maxUploadBytes } from '../../bridge';
import { errorPayload, translateError } from '../../errors';
import { fileToBase64, formatBytes, openAttachment } from '../../files';

/** The kinds of evidence the core stores (documents and pictures, never anything executable). */
const ACCEPTED = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.txt';

interface Props {
  applicantId: string;
  itemId: string | null;
  attachments: Attachment[];
  onAdded(attachment: Attachment): void;
  onRemoved(attachmentId: string): void;
  testId: string;
}

/** Evidence for one item (or for the whole application when itemId is null). */
export function AttachmentList({ applicantId, itemId, attachments, onAdded, onRemoved, testId }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);

  const add = async (file: File) => {
    if (file.size > maxUploadBytes()) {
      void message.error(t('ui.application.fileTooLarge', { name: file.name, max: formatBytes(maxUploadBytes(), i18n.language) }));
      return;
    }
    setUploading((n) => n + 1);
    try {
      const result = await call('attachments.add', { applicantId, itemId, fileName: file.name, contentBase64: await fileToBase64(file) });
      onAdded(result.attachment);
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const open = async (attachment: Attachment) => {
    try {
      await openAttachment(attachment.id);
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    }
  };

  const remove = async (attachment: Attachment) => {
    try {
      await call('attachments.remove', { attachmentId: attachment.id });
      onRemoved(attachment.id);
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    }
  };

  return (
    <div className="attachments" data-testid={testId}>
      {attachments.map((attachment) => (
        <div key={attachment.id} className="attachment-row" data-testid="attachment">
          <PaperClipOutlined className="muted" />
          <Typography.Link onClick={() => void open(attachment)} className="attachment-name" title={attachment.fileName}>
            {attachment.fileName}
          </Typography.Link>
          <Typography.Text type="secondary" className="small-text nowrap">
            {formatBytes(attachment.size, i18n.language)}
          </Typography.Text>
          <Space size={0}>
            <Button type="text" size="small" icon={<DownloadOutlined />} onClick={() => void open(attachment)} aria-label={t('ui.application.download', { name: attachment.fileName })} />
            <Popconfirm title={t('ui.application.confirmRemove', { name: attachment.fileName })} okText={t('ui.common.confirm')} cancelText={t('ui.common.cancel')} onConfirm={() => remove(attachment)}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('ui.application.remove', { name: attachment.fileName })} />
            </Popconfirm>
          </Space>
        </div>
      ))}
      <Upload
        multiple
        accept={ACCEPTED}
        showUploadList={false}
        beforeUpload={(file) => {
          void add(file);
          return false;
        }}
      >
        <Button size="small" icon={<UploadOutlined />} loading={uploading > 0} data-testid={`${testId}-add`}>
          {t('ui.application.addAttachment')}
        </Button>
      </Upload>
    </div>
  );
}
