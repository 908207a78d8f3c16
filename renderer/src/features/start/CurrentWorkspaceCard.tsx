import { Card, Descriptions, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../hooks/useWorkspace';
import { workspaceName } from './workspace-name';

export function CurrentWorkspaceCard() {
  const { t, i18n } = useTranslation();
  const { workspace } = useWorkspace();
  return (
    <Card title={t('ui.start.current')} data-testid="current-workspace" style={{ marginBottom: 20 }}>
      {workspace ? (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'title', label: t('ui.start.workspaceTitle'), children: <Typography.Text strong>{workspaceName(workspace)}</Typography.Text> },
            { key: 'role', label: t('ui.start.role'), children: <Tag color="blue">{t(`app.role.${workspace.role}`)}</Tag> },
            { key: 'path', label: t('ui.start.path'), children: <Typography.Text code copyable className="break-all">{workspace.path}</Typography.Text> },
            { key: 'opened', label: t('ui.start.lastOpened'), children: new Date(workspace.lastOpenedAt).toLocaleString(i18n.language) },
          ]}
        />
      ) : (
        <Skeleton active paragraph={{ rows: 3 }} />
      )}
    </Card>
  );
}
