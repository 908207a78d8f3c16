import { useState } from 'react';
import { App, Button } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { errorPayload, translateError } from '../../errors';
import { downloadBase64 } from '../../files';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ExportApplicantsButton({ cycleId, disabled }: { cycleId: string; disabled: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const exportAll = async () => {
    setBusy(true);
    try {
      const file = await call('applicants.exportXlsx', { cycleId });
      downloadBase64(file.fileName, XLSX, file.contentBase64);
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<ExportOutlined />} loading={busy} disabled={disabled} onClick={() => void exportAll()} data-testid="export-applicants">
      {t('ui.applicants.export')}
    </Button>
  );
}
