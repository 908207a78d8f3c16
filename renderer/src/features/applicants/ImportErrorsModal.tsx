import { Alert, Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '../../errors';
import type { ImportError } from './ImportApplicantsButton';

export function ImportErrorsModal({ refused, onClose }: { refused: { fileName: string; errors: ImportError[] } | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={refused !== null}
      title={t('ui.applicants.importRefused', { file: refused?.fileName ?? '' })}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('ui.common.close')}
      width={820}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('ui.applicants.nothingImported', { count: refused?.errors.length ?? 0 })} style={{ marginBottom: 12 }} data-testid="nothing-imported" />
      <Table<ImportError & { n: number }>
        data-testid="import-errors"
        size="small"
        rowKey="n"
        pagination={false}
        scroll={{ y: 360 }}
        dataSource={(refused?.errors ?? []).map((error, n) => ({ ...error, n }))}
        columns={[
          // Sheet names and headers are shown as written in the file, so the user finds the very cell.
          { title: t('ui.applicants.sheet'), dataIndex: 'sheet', key: 'sheet', width: 130 },
          { title: t('ui.applicants.row'), dataIndex: 'row', key: 'row', width: 70, align: 'right', render: (row: number) => (row > 0 ? row : '—') },
          { title: t('ui.applicants.column'), dataIndex: 'column', key: 'column', width: 180, render: (column: string | null) => column || '—' },
          { title: t('ui.applicants.problem'), key: 'message', render: (_, error) => translateMessage(t, error) },
        ]}
      />
    </Modal>
  );
}
