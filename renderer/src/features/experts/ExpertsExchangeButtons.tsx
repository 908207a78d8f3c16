import { useState } from 'react';
import { App, Button, Upload } from 'antd';
import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { errorPayload, translateError } from '../../errors';
import { downloadBase64, fileToBase64 } from '../../files';
import { ImportErrorsModal } from '../applicants/ImportErrorsModal';
import type { ImportError } from '../applicants/ImportApplicantsButton';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel in and out: all rows or none on import, each bad cell named. */
export function ExpertsExchangeButtons({ onImported, canExport }: { onImported(): void; canExport: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'import' | 'export' | null>(null);
  const [refused, setRefused] = useState<{ fileName: string; errors: ImportError[] } | null>(null);

  const importFile = async (file: File) => {
    setBusy('import');
    try {
      const result = await call('experts.importXlsx', { fileName: file.name, contentBase64: await fileToBase64(file) });
      if (result.ok) {
        void message.success(t('scoringUi.experts.imported', { count: result.imported }));
        onImported();
      } else {
        setRefused({ fileName: file.name, errors: result.errors });
      }
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(null);
    }
  };

  const exportAll = async () => {
    setBusy('export');
    try {
      const file = await call('experts.exportXlsx', {});
      downloadBase64(file.fileName, XLSX, file.contentBase64);
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        beforeUpload={(file) => {
          void importFile(file);
          return false;
        }}
      >
        <Button icon={<ImportOutlined />} loading={busy === 'import'} data-testid="import-experts">
          {t('scoringUi.experts.import')}
        </Button>
      </Upload>
      <Button icon={<ExportOutlined />} loading={busy === 'export'} disabled={!canExport} onClick={() => void exportAll()} data-testid="export-experts">
        {t('scoringUi.experts.export')}
      </Button>
      <ImportErrorsModal refused={refused} onClose={() => setRefused(null)} />
    </>
  );
}
