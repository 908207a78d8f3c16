import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Empty, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../../../../shared/api/cycles';
import { call } from '../../bridge';
import { CreateCycleDialog } from './CreateCycleDialog';

export function CyclesPage() {
  const { t, i18n } = useTranslation();
  const [cycles, setCycles] = useState<Cycle[] | undefined>();
  const [creating, setCreating] = useState(false);
  const reload = useCallback(() => void call('cycles.list', {}).then(setCycles), []);
  useEffect(reload, [reload]);

  return (
    <>
      <div className="page-header">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('cycles.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('cycles.subtitle')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-cycle">
          {t('cycles.create')}
        </Button>
      </div>
      <Card>
        {cycles && cycles.length === 0 ? (
          <Empty description={t('cycles.empty')} data-testid="cycles-empty">
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('cycles.create')}
            </Button>
          </Empty>
        ) : (
          <Table<Cycle>
            data-testid="cycles-table"
            rowKey="id"
            loading={!cycles}
            dataSource={cycles}
            pagination={false}
            columns={[
              { title: t('cycles.columns.name'), dataIndex: 'name', key: 'name' },
              { title: t('cycles.columns.year'), dataIndex: 'year', key: 'year', width: 120 },
              {
                title: t('cycles.columns.createdAt'),
                dataIndex: 'createdAt',
                key: 'createdAt',
                width: 220,
                render: (value: string) => new Date(value).toLocaleString(i18n.language),
              },
            ]}
          />
        )}
      </Card>
      <CreateCycleDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          reload();
        }}
      />
    </>
  );
}
