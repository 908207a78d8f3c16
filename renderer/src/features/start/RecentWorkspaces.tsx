import { App, Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { WorkspaceSummary } from '../../../../shared/api/workspaces';
import { call } from '../../bridge';
import { errorPayload, translateError } from '../../errors';
import { useCall } from '../../hooks/useCall';
import { useHashRoute } from '../../hooks/useHashRoute';
import { useWorkspace } from '../../hooks/useWorkspace';
import { workspaceName } from './workspace-name';

export function RecentWorkspaces() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { reopen } = useWorkspace();
  const { navigate } = useHashRoute();
  const recent = useCall('workspaces.recent', {});

  const open = async (workspace: WorkspaceSummary) => {
    try {
      await call('workspaces.switch', { workspaceId: workspace.id });
      await reopen();
      navigate('#/');
      void message.success(t('ui.start.switched', { title: workspaceName(workspace) }));
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    }
  };

  return (
    <Card title={t('ui.start.recent')} styles={{ body: { padding: 0 } }}>
      <Table<WorkspaceSummary>
        data-testid="recent-workspaces"
        rowKey="id"
        size="middle"
        loading={recent.loading}
        dataSource={recent.data}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.start.noRecent')} /> }}
        columns={[
          {
            title: t('ui.start.workspaceTitle'),
            key: 'title',
            render: (_, row) => (
              <div>
                <Typography.Text strong>{workspaceName(row)}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" className="break-all small-text">
                    {row.path}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          { title: t('ui.start.role'), key: 'role', width: 130, render: (_, row) => <Tag>{t(`app.role.${row.role}`)}</Tag> },
          { title: t('ui.start.lastOpened'), key: 'opened', width: 180, render: (_, row) => new Date(row.lastOpenedAt).toLocaleString(i18n.language) },
          {
            title: '',
            key: 'open',
            width: 110,
            align: 'right',
            render: (_, row) =>
              row.current ? (
                <Tag color="green">{t('ui.start.isCurrent')}</Tag>
              ) : (
                <Button size="small" icon={<SwapOutlined />} onClick={() => void open(row)} data-testid="switch-workspace">
                  {t('ui.start.switch')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
