import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FrameworkSummary } from '../../../../shared/api/frameworks';
import { href } from '../../app/routes';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../hooks/useCall';
import { useLanguage } from '../../hooks/useLanguage';
import { ImportFrameworkButton } from './ImportFrameworkButton';

export function FrameworksPage() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const list = useCall('frameworks.list', {});

  return (
    <>
      <PageHeader title={t('ui.frameworks.title')} subtitle={t('ui.frameworks.subtitle')} extra={<ImportFrameworkButton onImported={list.reload} />} />
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<FrameworkSummary>
            data-testid="frameworks-table"
            rowKey="id"
            loading={list.loading}
            dataSource={list.data}
            pagination={false}
            locale={{ emptyText: <Empty description={t('ui.frameworks.empty')} /> }}
            columns={[
              {
                title: t('ui.frameworks.name'),
                key: 'name',
                render: (_, row) => (
                  <Space orientation="vertical" size={0}>
                    <a href={href.framework(row.id)} data-testid="framework-link">
                      {row.names[language]}
                    </a>
                    <Typography.Text type="secondary" className="small-text">
                      {row.code} · {row.version} · {t('ui.frameworks.revision', { revision: row.revision })}
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: t('ui.frameworks.items'), dataIndex: 'itemCount', key: 'items', width: 110, align: 'right' },
              { title: t('ui.frameworks.total'), dataIndex: 'total', key: 'total', width: 110, align: 'right' },
              { title: t('ui.frameworks.source'), key: 'source', width: 130, render: (_, row) => <Tag color={row.source === 'builtIn' ? 'blue' : 'gold'}>{t(`ui.frameworks.sources.${row.source}`)}</Tag> },
              {
                title: t('ui.frameworks.usedBy'),
                key: 'usedBy',
                render: (_, row) =>
                  row.usedBy.length === 0 ? (
                    <Typography.Text type="secondary">{t('ui.frameworks.unused')}</Typography.Text>
                  ) : (
                    <Space size={[4, 4]} wrap>
                      {row.usedBy.map((use) => (
                        <Tag key={use.cycleId} color={use.frozen ? 'default' : 'processing'}>
                          {use.cycleName}
                          {use.frozen ? ` · ${t('ui.cycles.frozen')}` : ''}
                        </Tag>
                      ))}
                    </Space>
                  ),
              },
              { title: t('ui.frameworks.importedAt'), key: 'importedAt', width: 190, render: (_, row) => new Date(row.importedAt).toLocaleString(i18n.language) },
            ]}
          />
        </Card>
      )}
    </>
  );
}
