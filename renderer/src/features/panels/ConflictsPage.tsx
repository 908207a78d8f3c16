import { useState } from 'react';
import { App, Button, Card, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, PlusOutlined, SearchOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Conflict, ConflictStatus } from '../../../../shared/api/panels';
import { call } from '../../bridge';
import { LoadError } from '../../components/LoadError';
import { errorPayload, translateError, translateMessage } from '../../errors';
import { useCall } from '../../hooks/useCall';
import { DeclareConflictDialog } from './DeclareConflictDialog';
import { DecideConflictDialog, type Decision } from './DecideConflictDialog';
import { OfficeSectionHeader } from './OfficeSectionHeader';
import { ActorName } from './ActorName';

const STATUS_COLOR: Record<ConflictStatus, string> = { suggested: 'gold', confirmed: 'red', dismissed: 'default' };

/** Conflicts of interest for one cycle: suggestions with their reason, decided with a note. */
export function ConflictsPage({ cycleId }: { cycleId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<ConflictStatus | 'all'>('all');
  const list = useCall('conflicts.list', { cycleId, ...(status === 'all' ? {} : { status }) });
  const [declaring, setDeclaring] = useState(false);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [checking, setChecking] = useState(false);

  const suggest = async () => {
    setChecking(true);
    try {
      const result = await call('conflicts.suggest', { cycleId });
      void message.info(t('scoringUi.conflicts.suggested', { added: result.added.length, pending: result.pending }));
      list.reload();
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setChecking(false);
    }
  };

  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '');

  return (
    <>
      <OfficeSectionHeader
        cycleId={cycleId}
        section="conflicts"
        subtitle={t('scoringUi.conflicts.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<SearchOutlined />} loading={checking} onClick={() => void suggest()} data-testid="suggest-conflicts">
              {t('scoringUi.conflicts.runCheck')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDeclaring(true)} data-testid="declare-conflict">
              {t('scoringUi.conflicts.declare')}
            </Button>
          </Space>
        }
      />
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Card>
          <div className="filter-row">
            <Segmented<ConflictStatus | 'all'>
              value={status}
              onChange={setStatus}
              options={(['all', 'suggested', 'confirmed', 'dismissed'] as const).map((value) => ({
                value,
                label: value === 'all' ? t('scoringUi.conflicts.all') : t(`panels.conflict.status.${value}`),
              }))}
            />
            <Typography.Text type="secondary">{t('scoringUi.conflicts.blockNote')}</Typography.Text>
          </div>
          <Table<Conflict>
            data-testid="conflicts-table"
            rowKey="id"
            size="middle"
            loading={list.loading}
            dataSource={list.data}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              // Fixed widths for the short columns leave the evidence, the longest text, the rest of the row.
              { title: t('scoringUi.conflicts.expert'), dataIndex: 'expertName', key: 'expert', width: 90 },
              { title: t('scoringUi.conflicts.applicant'), dataIndex: 'applicantName', key: 'applicant', width: 190, ellipsis: true },
              {
                title: t('scoringUi.conflicts.kind'),
                key: 'kind',
                width: 120,
                render: (_, c) => (
                  <Space orientation="vertical" size={0}>
                    <span>{t(`panels.conflict.kind.${c.kind}`)}</span>
                    {(c.from || c.to) && <span className="small-text muted nowrap">{t('scoringUi.conflicts.periodText', { from: c.from ?? '…', to: c.to ?? '…' })}</span>}
                  </Space>
                ),
              },
              {
                title: t('scoringUi.conflicts.why'),
                key: 'why',
                render: (_, c) =>
                  c.rule ? (
                    <Space orientation="vertical" size={0}>
                      <Tag>{t(`panels.conflict.rule.${c.rule}`)}</Tag>
                      {c.evidence && <Typography.Text className="small-text">{translateMessage(t, c.evidence)}</Typography.Text>}
                    </Space>
                  ) : (
                    <Typography.Text type="secondary" className="small-text">
                      {c.note || t('scoringUi.conflicts.declaredByOffice')}
                    </Typography.Text>
                  ),
              },
              {
                title: t('scoringUi.conflicts.status'),
                key: 'status',
                width: 100,
                render: (_, c) => (
                  <Space orientation="vertical" size={0}>
                    <Tag color={STATUS_COLOR[c.status]} icon={c.status === 'confirmed' ? <StopOutlined /> : undefined} data-testid="conflict-status">
                      {t(`panels.conflict.status.${c.status}`)}
                    </Tag>
                    {c.status === 'confirmed' && (
                      <Typography.Text type="danger" className="small-text">
                        {t('scoringUi.conflicts.blocks')}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('scoringUi.conflicts.decision'),
                key: 'decision',
                width: 180,
                render: (_, c) =>
                  c.decidedAt ? (
                    <Tooltip title={c.decisionReason || undefined}>
                      <div className="small-text">
                        <ActorName actor={c.decidedBy ?? ''} /> · {when(c.decidedAt)}
                        {c.decisionReason && <div className="muted cell-ellipsis">{c.decisionReason}</div>}
                      </div>
                    </Tooltip>
                  ) : null,
              },
              {
                title: '',
                key: 'actions',
                width: 150,
                align: 'right',
                render: (_, c) => (
                  <Space size={4}>
                    {c.status === 'suggested' && (
                      <Button size="small" icon={<CheckOutlined />} onClick={() => setDeciding({ conflict: c, decision: 'confirm' })} data-testid="conflict-confirm">
                        {t('scoringUi.conflicts.confirm')}
                      </Button>
                    )}
                    {c.status !== 'dismissed' && (
                      <Button size="small" icon={<CloseOutlined />} onClick={() => setDeciding({ conflict: c, decision: 'dismiss' })} data-testid="conflict-dismiss">
                        {t('scoringUi.conflicts.dismiss')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <DeclareConflictDialog
        cycleId={cycleId}
        open={declaring}
        onClose={() => setDeclaring(false)}
        onDeclared={() => {
          setDeclaring(false);
          list.reload();
        }}
      />
      <DecideConflictDialog
        decision={deciding}
        onClose={() => setDeciding(null)}
        onDecided={() => {
          setDeciding(null);
          list.reload();
        }}
      />
    </>
  );
}
