import { useState } from 'react';
import { App, Card, Select, Space, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AppErrorPayload } from '../../../../shared/api/errors';
import type { ImportSummary } from '../../../../shared/api/exchange';
import { call } from '../../bridge';
import { errorPayload, translateError, translateMessage } from '../../errors';
import { testId } from '../../test-id';
import { PackageDropZone } from './PackageDropZone';
import { PackageFileButton } from './PackageFileButton';
import { ImportSummaryView } from './ImportSummaryView';
import type { PickedFile } from './file-transfer';

interface Retry {
  targetCycleId?: string;
  confirmKeyChange?: boolean;
}

/**
 * Imports a submission or scores package (office) or a later review package (examiner), picked with
 * the button or dropped on the card. Two refusals
 * are questions, asked here and answered by importing the same upload again: which cycle a submission
 * goes into, and whether to accept an applicant's new signing key. Every other refusal is shown with
 * its reason; the core has changed nothing.
 */
export function ImportPackageCard({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [summary, setSummary] = useState<ImportSummary | undefined>();

  const showRefusal = (file: PickedFile, error: AppErrorPayload) => {
    modal.error({
      title: t('exchange.ui.import.refusedTitle', { file: file.fileName }),
      width: 640,
      content: (
        <div data-testid="exchange-import-refused" data-key={error.key}>
          <p>{translateError(t, error)}</p>
          {error.fields && error.fields.length > 0 && (
            <ul className="plain-list problem-list">
              {error.fields.map((field, index) => (
                <li key={index}>{translateMessage(t, field)}</li>
              ))}
            </ul>
          )}
          <Typography.Text type="secondary">{t('exchange.ui.import.nothingChanged')}</Typography.Text>
        </div>
      ),
    });
  };

  const chooseCycle = async (file: PickedFile, retry: Retry) => {
    const cycles = (await call('cycles.list', {})).filter((cycle) => cycle.status === 'open');
    let chosen: string | undefined = cycles[0]?.id;
    modal.confirm({
      title: t('exchange.ui.import.chooseCycleTitle'),
      content: (
        <Select
          style={{ width: '100%' }}
          defaultValue={chosen}
          onChange={(value: string) => (chosen = value)}
          options={cycles.map((cycle) => ({ value: cycle.id, label: cycle.name }))}
          data-testid="exchange-import-cycle"
        />
      ),
      okButtonProps: testId('exchange-import-cycle-ok'),
      onOk: () => attempt(file, { ...retry, ...(chosen ? { targetCycleId: chosen } : {}) }),
    });
  };

  const attempt = async (file: PickedFile, retry: Retry = {}): Promise<void> => {
    try {
      const result = await call('exchange.import', { uploadId: file.uploadId, ...retry });
      setSummary(result);
      onImported();
    } catch (failure) {
      const error = errorPayload(failure);
      if (error.key === 'exchange.submission.chooseCycle') return chooseCycle(file, retry);
      if (error.key === 'exchange.submission.keyChanged') {
        modal.confirm({
          title: t('exchange.ui.import.keyChangedTitle'),
          width: 640,
          content: <div data-testid="exchange-key-changed">{translateError(t, error)}</div>,
          okText: t('exchange.ui.import.acceptKey'),
          okButtonProps: { danger: true, ...testId('exchange-accept-key') },
          onOk: () => attempt(file, { ...retry, confirmKeyChange: true }),
        });
        return;
      }
      showRefusal(file, error);
    }
  };

  return (
    <Card title={t('exchange.ui.import.title')} data-testid="exchange-import-card">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <PackageDropZone testId="exchange-drop-zone" onPicked={(file) => attempt(file)}>
          <Typography.Paragraph type="secondary">{t('exchange.ui.import.hint')}</Typography.Paragraph>
          <PackageFileButton type="primary" icon={<ImportOutlined />} label={t('exchange.ui.import.button')} testId="exchange-import" onPicked={(file) => attempt(file)} />
        </PackageDropZone>
        {summary && <ImportSummaryView summary={summary} />}
      </Space>
    </Card>
  );
}
