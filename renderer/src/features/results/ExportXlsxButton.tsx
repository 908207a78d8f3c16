import { useState } from 'react';
import { App, Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { XLSX_EXPORTS } from '../../../../shared/api/results';
import { call } from '../../bridge';
import { errorPayload, translateError } from '../../errors';
import { saveDownload } from '../exchange/file-transfer';

/** One of the core's Excel workbooks, saved the way the current host saves files (dialog or download). */
export function ExportXlsxButton({ cycleId, kind }: { cycleId: string; kind: (typeof XLSX_EXPORTS)[number] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await saveDownload(await call('results.exportXlsx', { cycleId, kind }));
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void run()} data-testid={`export-xlsx-${kind}`}>
      {t(`results.ui.export.${kind}`)}
    </Button>
  );
}
