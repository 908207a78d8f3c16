import { useEffect } from 'react';
import { App, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { NOT_AWARDED, type Ranking, type RankingRow } from '../../../../shared/api/results';
import { call } from '../../bridge';
import { IsoDateInput } from '../../components/IsoDateInput';
import { showFieldErrors } from '../../errors';
import { testId } from '../../test-id';
import { useSubmit } from '../../hooks/useSubmit';
import { useTierLabel } from './tier-label';

interface Values {
  for: number;
  against: number;
  abstain: number;
  outcome: string;
  note: string;
  meetingDate: string;
}

const VOTE_FIELDS = ['for', 'against', 'abstain'] as const;

/** The committee's votes and decision for one applicant (a tier of the cycle, or not awarded), with a note. */
export function DecisionDialog({ ranking, row, onClose, onSaved }: { ranking: Ranking; row: RankingRow | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tierLabel = useTierLabel(ranking.tiers);
  const [form] = Form.useForm<Values>();
  const { saving, run } = useSubmit((payload) => showFieldErrors(form, t, payload, (path) => (path[0] === 'votes' ? path.slice(1) : path)));
  // The meeting date of decisions already taken: one committee meeting usually decides the whole cycle.
  const lastMeeting = ranking.rows.find((r) => r.decision)?.decision?.meetingDate;

  useEffect(() => {
    if (!row) return;
    const decision = row.decision;
    form.setFieldsValue({
      for: decision?.votes.for ?? 0,
      against: decision?.votes.against ?? 0,
      abstain: decision?.votes.abstain ?? 0,
      outcome: decision?.outcome ?? row.tierId ?? NOT_AWARDED,
      note: decision?.note ?? '',
      meetingDate: decision?.meetingDate ?? lastMeeting ?? dayjs().format('YYYY-MM-DD'),
    });
  }, [row, form, lastMeeting]);

  const save = async () => {
    if (!row) return;
    const values = await form.validateFields();
    await run(async () => {
      await call('decisions.record', {
        applicantId: row.applicantId,
        votes: { for: values.for, against: values.against, abstain: values.abstain },
        outcome: values.outcome,
        note: values.note,
        meetingDate: values.meetingDate,
      });
      void message.success(t('results.ui.committee.recorded', { name: row.legalName }));
      onSaved();
    });
  };

  const outcomes = [...ranking.tiers.map((tier) => tier.tierId), NOT_AWARDED];
  return (
    <Modal
      open={row !== null}
      title={t('results.ui.committee.dialogTitle', { name: row?.legalName ?? '' })}
      okText={t('results.ui.committee.record')}
      cancelText={t('ui.common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      okButtonProps={testId('decision-save')}
      destroyOnHidden
      width={580}
    >
      <Form form={form} layout="vertical">
        <Form.Item label={t('results.ui.committee.votes')} required>
          <Space size={12} wrap>
            {VOTE_FIELDS.map((field) => (
              <Form.Item key={field} name={field} noStyle rules={[{ required: true, message: t('errors.field.required') }]}>
                <InputNumber min={0} max={999} precision={0} prefix={t(`results.ui.committee.vote.${field}`)} style={{ width: 150 }} data-testid={`vote-${field}`} />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
        <Form.Item name="outcome" label={t('results.ui.committee.outcome')} extra={row && t('results.ui.committee.suggested', { tier: tierLabel(row.tierId) })} rules={[{ required: true, message: t('errors.field.required') }]}>
          <Select options={outcomes.map((value) => ({ value, label: tierLabel(value) }))} data-testid="decision-outcome" />
        </Form.Item>
        <Form.Item name="meetingDate" label={t('results.ui.committee.meetingDate')} rules={[{ required: true, message: t('errors.field.required') }]}>
          <IsoDateInput allowClear={false} data-testid="decision-meeting-date" />
        </Form.Item>
        <Form.Item name="note" label={t('results.ui.committee.note')}>
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="decision-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
