import { useState, type ReactNode } from 'react';
import { App, Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorPayload, translateError } from '../../errors';
import { hasNativeDialogs, pickWithNativeDialog, uploadFile, type PickedFile } from './file-transfer';

/**
 * Picks a package file and hands it to the host: the system dialog in the desktop app, the browser's
 * file input in the browser host. `onPicked` receives only the upload id and the file's name.
 */
export function PackageFileButton({ label, icon, testId, type, onPicked }: { label: ReactNode; icon?: ReactNode; testId: string; type?: 'primary' | 'default'; onPicked(file: PickedFile): Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = async (obtain: () => Promise<PickedFile | null>) => {
    setBusy(true);
    try {
      const picked = await obtain();
      if (picked) await onPicked(picked);
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(false);
    }
  };

  const button = (
    <Button type={type ?? 'default'} icon={icon} loading={busy} data-testid={testId} onClick={hasNativeDialogs() ? () => void run(pickWithNativeDialog) : undefined}>
      {label}
    </Button>
  );
  if (hasNativeDialogs()) return button;
  return (
    <Upload
      accept=".qadpkg,application/zip,application/octet-stream"
      showUploadList={false}
      disabled={busy}
      beforeUpload={(file) => {
        void run(() => uploadFile(file));
        return false;
      }}
    >
      {button}
    </Upload>
  );
}
