import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CloudDownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_BACKUPS_KEEP, type BackupEntry, type BackupList } from '../../../../shared/api/backups';
import { call } from '../../bridge';
import { errorPayload, translateError } from '../../errors';
import { PageHeader } from '../../components/PageHeader';
import { useWorkspace } from '../../hooks/useWorkspace';
import { testId } from '../../test-id';

const VERDICT_COLORS: Record<BackupEntry['verdict'], string> = {
  ok: 'success',
  notSqlite: 'default',
  foreign: 'default',
  newer: 'warning',
  damaged: 'error',
  auditBroken: 'error',
};

/** Sizes in the reader's language and units (KB / MB) without any text in code. */
function formatSize(bytes: number, language: string): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [bytes / 1024, 'kilobyte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/**
 * The restore screen: every backup of this workspace with the verdict of the same checks a restore
 * runs. Restoring asks for confirmation, then the core swaps the file and reopens the workspace, and
 * every page is reloaded. `onRestored` replaces that reload where the page is embedded differently.
 */
export function BackupsPage({ onRestored }: { onRestored?: () => void }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const { reopen } = useWorkspace();
  const [list, setList] = useState<BackupList | undefined>();
  const [busy, setBusy] = useState(false);

  const fail = useCallback((error: unknown) => void message.error(translateError(t, errorPayload(error))), [message, t]);
  const reload = useCallback(() => void call('backups.list', {}).then(setList, fail), [fail]);
  useEffect(reload, [reload]);

  const time = (value: string) => new Date(value).toLocaleString(i18n.language);

  const backUpNow = async () => {
    setBusy(true);
    try {
      const entry = await call('backups.create', {});
      void message.success(t('reliability.page.created', { file: entry.fileName }));
      reload();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const saveKeep = async (keep: number | null) => {
    if (keep === null || keep === list?.keep) return;
    try {
      setList(await call('backups.setKeep', { keep }));
      void message.success(t('reliability.page.keepSaved', { keep }));
    } catch (error) {
      fail(error);
    }
  };

  const restore = (entry: BackupEntry) => {
    modal.confirm({
      title: t('reliability.page.confirm.title', { time: time(entry.createdAt) }),
      content: t('reliability.page.confirm.content', { time: time(entry.createdAt) }),
      okText: t('reliability.page.confirm.ok'),
      cancelText: t('reliability.page.confirm.cancel'),
      okButtonProps: { danger: true, ...testId('backup-restore-confirm') },
      onOk: async () => {
        try {
          const result = await call('backups.restore', { fileName: entry.fileName });
          void message.success(
            result.previousKeptAs ? t('reliability.page.restored', { file: result.previousKeptAs }) : t('reliability.page.restoredNoPrevious'),
          );
          if (onRestored) onRestored();
          else await reopen();
        } catch (error) {
          fail(error);
          reload();
        }
      },
    });
  };

  return (
    <>
      <PageHeader
        title={t('reliability.page.title')}
        subtitle={t('reliability.page.subtitle')}
        extra={
          <Button type="primary" icon={<CloudDownloadOutlined />} loading={busy} onClick={() => void backUpNow()} data-testid="backup-now">
            {t('reliability.page.backupNow')}
          </Button>
        }
      />
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap size="large">
            {list && <Typography.Text type="secondary">{t('reliability.page.folder', { folder: list.folder })}</Typography.Text>}
            <Space>
              <Typography.Text>{t('reliability.page.keep')}</Typography.Text>
              <InputNumber
                min={1}
                max={MAX_BACKUPS_KEEP}
                precision={0}
                value={list?.keep}
                disabled={!list}
                onBlur={(event) => void saveKeep(Number(event.target.value) || null)}
                onPressEnter={(event) => void saveKeep(Number((event.target as HTMLInputElement).value) || null)}
                data-testid="backups-keep"
              />
            </Space>
          </Space>
          <Table<BackupEntry>
            data-testid="backups-table"
            rowKey="fileName"
            loading={!list}
            dataSource={list?.backups}
            pagination={false}
            locale={{ emptyText: t('reliability.page.empty') }}
            columns={[
              { title: t('reliability.page.columns.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (value: string) => time(value) },
              {
                title: t('reliability.page.columns.reason'),
                dataIndex: 'reason',
                key: 'reason',
                width: 140,
                render: (reason: BackupEntry['reason']) => <Tag>{t(`reliability.reason.${reason}`)}</Tag>,
              },
              { title: t('reliability.page.columns.size'), dataIndex: 'size', key: 'size', width: 120, align: 'right', render: (size: number) => formatSize(size, i18n.language) },
              { title: t('reliability.page.columns.schemaVersion'), dataIndex: 'schemaVersion', key: 'schemaVersion', width: 120, render: (version: number | null) => version ?? '—' },
              {
                title: t('reliability.page.columns.verdict'),
                key: 'verdict',
                width: 200,
                render: (_: unknown, entry) => (
                  <Tooltip title={entry.detail ?? undefined}>
                    <Tag color={VERDICT_COLORS[entry.verdict]} data-testid={`backup-verdict-${entry.verdict}`}>
                      {t(`reliability.verdict.${entry.verdict}`)}
                    </Tag>
                  </Tooltip>
                ),
              },
              {
                title: t('reliability.page.columns.actions'),
                key: 'actions',
                width: 120,
                render: (_: unknown, entry) => (
                  <Button size="small" icon={<HistoryOutlined />} disabled={entry.verdict !== 'ok'} onClick={() => restore(entry)} data-testid={`backup-restore-${entry.fileName}`}>
                    {t('reliability.page.restore')}
                  </Button>
                ),
              },
            ]}
          />
        </Space>
      </Card>
    </>
  );
}
