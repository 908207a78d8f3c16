import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { CrownOutlined, DeleteOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApplicantRow } from '../../../../shared/api/applicants';
import type { AppErrorPayload } from '../../../../shared/api/errors';
import type { Conflict, ExpertRow, Panel } from '../../../../shared/api/panels';
import { call } from '../../bridge';
import { errorPayload, translateError } from '../../errors';
import { SpecialtyTags } from '../experts/SpecialtyTags';

interface Props {
  panel: Panel;
  experts: readonly ExpertRow[];
  /** Experts already on a panel of this stage (one panel per stage each). */
  seated: ReadonlySet<string>;
  unassigned: readonly ApplicantRow[];
  /** Confirmed conflicts of the cycle: shown beside the choices they would block. */
  conflicts: readonly Conflict[];
  onChanged(panel: Panel): void;
}

/** One panel: leader, members, applicants; every change goes to the core, which checks conflicts. */
export function PanelCard({ panel, experts, seated, unassigned, conflicts, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<AppErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<Panel>) => {
    setBusy(true);
    try {
      onChanged(await action());
      setRefusal(null);
    } catch (error) {
      const payload = errorPayload(error);
      setRefusal(payload);
      void message.error(translateError(t, payload));
    } finally {
      setBusy(false);
    }
  };

  const memberIds = new Set(panel.members.map((m) => m.expertId));
  const applicantIds = new Set(panel.applicants.map((a) => a.applicantId));
  const conflictWith = (expertId: string, applicants: ReadonlySet<string>) => conflicts.filter((c) => c.expertId === expertId && applicants.has(c.applicantId));
  const blockedBy = (applicantId: string) => conflicts.filter((c) => c.applicantId === applicantId && memberIds.has(c.expertId));

  return (
    <Card
      size="small"
      data-testid="panel-card"
      data-panel={panel.name}
      title={
        <Space size={8}>
          <span data-testid="panel-name">{panel.name}</span>
          <Typography.Text type="secondary" className="small-text">
            {t('scoringUi.panels.size', { members: panel.members.length, applicants: panel.applicants.length })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Select
          size="small"
          allowClear
          placeholder={t('scoringUi.panels.leader')}
          value={panel.leaderExpertId ?? undefined}
          style={{ width: 150 }}
          disabled={busy}
          aria-label={t('scoringUi.panels.leader')}
          data-testid="panel-leader"
          options={panel.members.map((m) => ({ value: m.expertId, label: m.name }))}
          onChange={(leaderExpertId?: string) => void run(() => call('panels.update', { panelId: panel.id, name: panel.name, leaderExpertId: leaderExpertId ?? null }))}
        />
      }
    >
      {refusal && <Alert type="error" showIcon closable={{ onClose: () => setRefusal(null) }} title={translateError(t, refusal)} style={{ marginBottom: 10 }} data-testid="panel-refusal" />}
      <div className="pane-heading">{t('scoringUi.panels.members')}</div>
      {panel.members.map((member) => (
        <div key={member.expertId} className="attachment-row" style={{ padding: '3px 0' }} data-testid="panel-member">
          {member.isLeader ? (
            <Tooltip title={t('scoringUi.panels.leader')}>
              <CrownOutlined style={{ color: '#c9a227' }} />
            </Tooltip>
          ) : (
            <span style={{ width: 14 }} />
          )}
          <Typography.Text strong>{member.name}</Typography.Text>
          <Typography.Text type="secondary" className="small-text cell-ellipsis" style={{ maxWidth: 200 }}>
            {member.organisation}
          </Typography.Text>
          <SpecialtyTags codes={member.specialties} />
          <Popconfirm title={t('scoringUi.panels.removeMember', { name: member.name })} okText={t('ui.common.confirm')} cancelText={t('ui.common.cancel')} onConfirm={() => run(() => call('panels.removeMember', { panelId: panel.id, expertId: member.expertId }))}>
            <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('scoringUi.panels.removeMember', { name: member.name })} style={{ marginInlineStart: 'auto' }} />
          </Popconfirm>
        </div>
      ))}
      <Select
        size="small"
        showSearch={{ optionFilterProp: 'label' }}
        value={null}
        placeholder={t('scoringUi.panels.addMember')}
        style={{ width: '100%', marginTop: 6 }}
        disabled={busy}
        data-testid="panel-add-member"
        options={experts
          .filter((e) => !memberIds.has(e.id) && !seated.has(e.id))
          .map((e) => {
            const blocking = conflictWith(e.id, applicantIds);
            return {
              value: e.id,
              label: `${e.name} · ${e.organisation}${blocking.length ? ` · ${t('scoringUi.panels.conflictWith', { applicants: blocking.map((c) => c.applicantName).join(t('scoringUi.listSeparator')) })}` : ''}`,
            };
          })}
        onChange={(expertId: string | null) => expertId && void run(() => call('panels.addMember', { panelId: panel.id, expertId }))}
      />
      <div className="pane-heading" style={{ marginTop: 14 }}>
        {t('scoringUi.panels.applicants')}
      </div>
      {panel.applicants.length === 0 && (
        <Typography.Text type="secondary" className="small-text">
          {t('scoringUi.panels.noApplicants')}
        </Typography.Text>
      )}
      {panel.applicants.map((applicant) => (
        <div key={applicant.applicantId} className="attachment-row" style={{ padding: '3px 0' }} data-testid="panel-applicant">
          <Tag className="mono">{applicant.section}</Tag>
          <span className="cell-ellipsis">{applicant.legalName}</span>
          <Popconfirm title={t('scoringUi.panels.unassign', { name: applicant.legalName })} okText={t('ui.common.confirm')} cancelText={t('ui.common.cancel')} onConfirm={() => run(() => call('panels.unassign', { panelId: panel.id, applicantId: applicant.applicantId }))}>
            <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('scoringUi.panels.unassign', { name: applicant.legalName })} style={{ marginInlineStart: 'auto' }} />
          </Popconfirm>
        </div>
      ))}
      <Select
        size="small"
        showSearch={{ optionFilterProp: 'text' }}
        value={null}
        placeholder={t('scoringUi.panels.assign')}
        style={{ width: '100%', marginTop: 6 }}
        disabled={busy}
        data-testid="panel-assign"
        options={unassigned.map((a) => {
          const blocked = blockedBy(a.id);
          return {
            value: a.id,
            text: a.legalName,
            label: blocked.length ? (
              <span>
                <StopOutlined style={{ color: '#cf1322' }} /> {a.legalName}{' '}
                <Typography.Text type="danger" className="small-text">
                  {t('scoringUi.panels.blockedBy', { experts: blocked.map((c) => c.expertName).join(t('scoringUi.listSeparator')) })}
                </Typography.Text>
              </span>
            ) : (
              a.legalName
            ),
          };
        })}
        onChange={(applicantId: string | null) => applicantId && void run(() => call('panels.assign', { panelId: panel.id, applicantId }))}
      />
    </Card>
  );
}
