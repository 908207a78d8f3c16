import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../../../../shared/api/cycles';
import { call } from '../../bridge';
import { CreateCycleDialog } from './CreateCycleDialog';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../app/routes';
import { useOpenDemo } from '../start/use-open-demo';

export function CyclesPage() {
  const { t, i18n } = useTranslation();
  const [cycles, setCycles] = useState<Cycle[] | undefined>();
  const [creating, setCreating] = useState(false);
  const demo = useOpenDemo();
  const reload = useCallback(() => void call('cycles.list', {}).then(setCycles), []);
  useEffect(reload, [reload]);

  return (
    <>
      <PageHeader
        title={t('cycles.title')}
        subtitle={t('cycles.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-cycle">
            {t('cycles.create')}
          </Button>
        }
      />
      <Card>
        {cycles && cycles.length === 0 ? (
          <Empty description={t('cycles.empty')} data-testid="cycles-empty">
            <Space>
              <Button type="primary" onClick={() => setCreating(true)}>
                {t('cycles.create')}
              </Button>
              <Button loading={demo.busy} onClick={() => void demo.open()} data-testid="cycles-open-demo">
                {t('ui.cycles.openDemo')}
              </Button>
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('ui.cycles.demoHint')}
            </Typography.Paragraph>
          </Empty>
        ) : (
          <Table<Cycle>
            data-testid="cycles-table"
            rowKey="id"
            loading={!cycles}
            dataSource={cycles}
            pagination={false}
            columns={[
              {
                title: t('cycles.columns.name'),
                dataIndex: 'name',
                key: 'name',
                render: (name: string, cycle) => <a href={href.applicants(cycle.id)}>{name}</a>,
              },
              { title: t('cycles.columns.year'), dataIndex: 'year', key: 'year', width: 100 },
              {
                title: t('ui.cycles.framework'),
                dataIndex: 'frameworkName',
                key: 'framework',
                render: (name: string, cycle) => (
                  <Space size={4} wrap>
                    <span>{name}</span>
                    {cycle.frameworkFrozen && <Tag>{t('ui.cycles.frozen')}</Tag>}
                  </Space>
                ),
              },
              { title: t('ui.cycles.applicantCount'), dataIndex: 'applicantCount', key: 'applicantCount', width: 120, align: 'right' },
              {
                title: t('cycles.columns.createdAt'),
                dataIndex: 'createdAt',
                key: 'createdAt',
                width: 220,
                render: (value: string) => new Date(value).toLocaleString(i18n.language),
              },
              {
                title: '',
                key: 'actions',
                width: 230,
                align: 'right',
                render: (_, cycle) => (
                  <Space size={4}>
                    <Button size="small" icon={<TeamOutlined />} href={href.applicants(cycle.id)} data-testid="cycle-applicants">
                      {t('nav.applicants')}
                    </Button>
                    <Button size="small" icon={<SettingOutlined />} href={href.cycleSettings(cycle.id)} data-testid="cycle-settings">
                      {t('ui.cycles.settings')}
                    </Button>
                  </Space>
                ),
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
