import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExchangeHistoryEntry } from '../../../../shared/api/exchange';
import type { CallState } from '../../hooks/useCall';

/** Every package this workspace imported or exported, newest first. */
export function ExchangeHistory({ history }: { history: CallState<ExchangeHistoryEntry[]> }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={t('exchange.ui.history.title')}>
      <Table<ExchangeHistoryEntry>
        data-testid="exchange-history"
        rowKey="id"
        size="small"
        loading={history.loading}
        dataSource={history.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('exchange.ui.history.empty') }}
        columns={[
          { title: t('exchange.ui.history.at'), dataIndex: 'at', key: 'at', width: 190, render: (at: string) => new Date(at).toLocaleString(i18n.language) },
          {
            title: t('exchange.ui.history.direction'),
            dataIndex: 'direction',
            key: 'direction',
            width: 100,
            render: (direction: ExchangeHistoryEntry['direction']) => <Tag color={direction === 'import' ? 'blue' : 'green'}>{t(`exchange.ui.history.${direction}`)}</Tag>,
          },
          { title: t('exchange.ui.history.kind'), dataIndex: 'kind', key: 'kind', width: 140, render: (kind: ExchangeHistoryEntry['kind']) => t(`packages.kind.${kind}`) },
          { title: t('exchange.ui.history.subject'), dataIndex: 'subject', key: 'subject' },
          { title: t('exchange.ui.history.version'), dataIndex: 'version', key: 'version', width: 80, render: (version: number | null) => version ?? '—' },
          { title: t('exchange.ui.history.sequence'), dataIndex: 'sequence', key: 'sequence', width: 80 },
          { title: t('exchange.ui.history.file'), dataIndex: 'fileName', key: 'fileName', ellipsis: true },
        ]}
      />
    </Card>
  );
}
