import { useState } from 'react';
import { App, Button, Upload } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { errorPayload, translateError, translateMessage } from '../../errors';
import { fileToBase64 } from '../../files';
import { useHashRoute } from '../../hooks/useHashRoute';
import { useLanguage } from '../../hooks/useLanguage';
import { href } from '../../app/routes';

/** A city's own variant of the criteria, from JSON or an .xlsx sheet; refusals name the sheet, row and column. */
export function ImportFrameworkButton({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message, modal } = App.useApp();
  const { navigate } = useHashRoute();
  const [busy, setBusy] = useState(false);

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const summary = await call('frameworks.import', { fileName: file.name, contentBase64: await fileToBase64(file) });
      const name = summary.names[language];
      if (summary.outcome === 'revised') void message.warning(t('ui.frameworks.importedRevised', { name, revision: summary.revision, fileRevision: summary.fileRevision }), 8);
      else if (summary.outcome === 'existing') void message.info(t('ui.frameworks.importedExisting', { name, revision: summary.revision }));
      else void message.success(t('ui.frameworks.imported', { name }));
      onImported();
      navigate(href.framework(summary.id));
    } catch (error) {
      const payload = errorPayload(error);
      const problems = payload.fields?.length ? payload.fields.map((field) => translateMessage(t, field)) : [translateError(t, payload)];
      modal.error({
        title: t('ui.frameworks.importRefused', { file: file.name }),
        width: 640,
        content: (
          <div data-testid="framework-import-errors">
            <p>{t('ui.frameworks.importNothingChanged')}</p>
            <ul className="plain-list problem-list">
              {problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          </div>
        ),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Upload
      accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      showUploadList={false}
      beforeUpload={(file) => {
        void importFile(file);
        return false;
      }}
    >
      <Button icon={<ImportOutlined />} loading={busy} data-testid="import-framework">
        {t('ui.frameworks.import')}
      </Button>
    </Upload>
  );
}
