import { useState, type DragEvent, type ReactNode } from 'react';
import { App, Spin, Typography } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorPayload, translateError } from '../../errors';
import { receiveDroppedFile, type PickedFile } from './file-transfer';

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

/**
 * A dashed area that takes a package file dropped on it and hands it on exactly like the file button
 * does (an upload id and the file's name). Only files are taken: dragged text or links are ignored,
 * and the browser is kept from opening the dropped file itself.
 */
export function PackageDropZone({ testId, onPicked, children }: { testId: string; onPicked(file: PickedFile): Promise<void>; children: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    setOver(true);
  };

  const onDrop = async (event: DragEvent<HTMLDivElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setOver(false);
    const [file, ...more] = Array.from(event.dataTransfer.files);
    if (!file || busy) return;
    setBusy(true);
    try {
      await onPicked(await receiveDroppedFile(file));
      if (more.length > 0) void message.warning(t('exchange.ui.drop.oneAtATime', { file: file.name }));
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      data-testid={testId}
      data-over={over || undefined}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => void onDrop(event)}
      style={{
        border: `1px dashed ${over ? '#1d4f91' : '#c9ced6'}`,
        background: over ? '#eef4fb' : '#fafbfc',
        borderRadius: 8,
        padding: 16,
        transition: 'background-color 0.15s, border-color 0.15s',
      }}
    >
      <Spin spinning={busy}>
        {children}
        <Typography.Text type="secondary" style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 12 }}>
          <InboxOutlined style={{ fontSize: 20 }} />
          {over ? t('exchange.ui.drop.release') : t('exchange.ui.drop.hint')}
        </Typography.Text>
      </Spin>
    </div>
  );
}
