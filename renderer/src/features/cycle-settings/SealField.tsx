import { useState } from 'react';
import { Alert, App, Button, Form, Popconfirm, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_SEAL_BYTES, type CycleSeal } from '../../../../shared/api/cycles';
import { call } from '../../bridge';
import { errorPayload, translateError, translateMessage } from '../../errors';
import { fileToBase64, formatBytes } from '../../files';
import { useCall } from '../../hooks/useCall';
import { useLanguage } from '../../hooks/useLanguage';
import { LoadError } from '../../components/LoadError';

/** A checkerboard behind the preview, so the seal's transparent background shows as transparent. */
const CHECKERBOARD = {
  backgroundColor: '#fff',
  backgroundImage: 'linear-gradient(45deg, #eee 25%, transparent 25%, transparent 75%, #eee 75%), linear-gradient(45deg, #eee 25%, transparent 25%, transparent 75%, #eee 75%)',
  backgroundSize: '16px 16px',
  backgroundPosition: '0 0, 8px 8px',
};

/**
 * The office's seal stamped on certificates printed from the app. It is saved as soon as it is chosen
 * (it is not part of the settings form's Save), and the core refuses a file that is not a PNG with
 * transparency, so the preview always shows what certificates will carry.
 */
export function SealField({ cycleId, locked }: { cycleId: string; locked: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const seal = useCall('cycles.getSeal', { cycleId });
  const [busy, setBusy] = useState(false);

  const failed = (error: unknown) => {
    const payload = errorPayload(error);
    // A refusal by the contract (too large) names the field; the core's own checks say what is wrong.
    const field = payload.fields?.[0];
    void message.error(field ? translateMessage(t, field) : translateError(t, payload), 8);
  };

  const upload = async (file: File) => {
    if (file.size > MAX_SEAL_BYTES) {
      void message.error(t('ui.seal.tooLarge'), 8);
      return;
    }
    setBusy(true);
    try {
      const saved = await call('cycles.setSeal', { cycleId, fileName: file.name, contentBase64: await fileToBase64(file) });
      seal.setData(saved);
      void message.success(t('ui.seal.uploaded'));
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await call('cycles.removeSeal', { cycleId });
      seal.setData(null);
      void message.success(t('ui.seal.removed'));
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const current: CycleSeal | null | undefined = seal.data;
  return (
    <Form.Item label={t('ui.seal.title')} extra={t('ui.seal.help')}>
      {seal.error ? (
        <LoadError error={seal.error} onRetry={seal.reload} />
      ) : (
        <Space align="start" size={16} wrap data-testid="seal-field">
          {current && (
            <img
              src={`data:image/png;base64,${current.contentBase64}`}
              alt={t('ui.seal.previewAlt')}
              width={120}
              height={120}
              style={{ ...CHECKERBOARD, objectFit: 'contain', border: '1px solid #d9d9d9', borderRadius: 6, padding: 4 }}
              data-testid="seal-preview"
            />
          )}
          <Space orientation="vertical" size={8}>
            {current ? (
              <Typography.Text type="secondary" data-testid="seal-details">
                {t('ui.seal.details', { fileName: current.fileName, width: current.width, height: current.height, size: formatBytes(current.bytes, language) })}
              </Typography.Text>
            ) : (
              seal.data === null && (
                <Typography.Text type="secondary" data-testid="seal-none">
                  {t('ui.seal.none')}
                </Typography.Text>
              )
            )}
            {locked && current && <Alert type="info" showIcon title={t('ui.seal.locked')} />}
            {!locked && (
              <Space wrap>
                <Upload
                  accept=".png,image/png"
                  showUploadList={false}
                  disabled={busy || seal.loading}
                  beforeUpload={(file) => {
                    void upload(file);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} loading={busy} disabled={seal.loading} data-testid="seal-upload">
                    {current ? t('ui.seal.replace') : t('ui.seal.upload')}
                  </Button>
                </Upload>
                {current && (
                  <Popconfirm title={t('ui.seal.removeConfirm')} okText={t('ui.common.confirm')} cancelText={t('ui.common.cancel')} onConfirm={() => void remove()}>
                    <Button danger icon={<DeleteOutlined />} disabled={busy} data-testid="seal-remove">
                      {t('ui.seal.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            )}
          </Space>
        </Space>
      )}
    </Form.Item>
  );
}
