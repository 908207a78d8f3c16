import { useState } from 'react';
import { App, Button, Upload } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { importErrorSchema } from '../../../../shared/api/applicants';
import { call } from '../../bridge';
import { errorPayload, translateError } from '../../errors';
import { fileToBase64 } from '../../files';
import { ImportErrorsModal } from './ImportErrorsModal';

export type ImportError = z.infer<typeof importErrorSchema>;

/** All rows or none: a refused workbook lists each bad cell, and the cycle is left exactly as it was. */
export function ImportApplicantsButton({ cycleId, onImported }: { cycleId: string; onImported(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<{ fileName: string; errors: ImportError[] } | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const result = await call('applicants.importXlsx', { cycleId, fileName: file.name, contentBase64: await fileToBase64(file) });
      if (result.ok) {
        void message.success(t('ui.applicants.imported', { count: result.imported }));
        onImported();
      } else {
        setRefused({ fileName: file.name, errors: result.errors });
      }
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(false);
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
        <Button icon={<ImportOutlined />} loading={busy} data-testid="import-applicants">
          {t('ui.applicants.import')}
        </Button>
      </Upload>
      <ImportErrorsModal refused={refused} onClose={() => setRefused(null)} />
    </>
  );
}
