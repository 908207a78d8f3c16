import { Alert, App, Form, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONFLICT_KINDS, type Conflict, type ConflictKind } from '../../../../shared/api/panels';
import { call } from '../../bridge';
import { IsoDateInput } from '../../components/IsoDateInput';
import { translateMessage } from '../../errors';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { useSubmit } from '../../hooks/useSubmit';
import { testId } from '../../test-id';

export interface Decision {
  conflict: Conflict;
  decision: 'confirm' | 'dismiss';
}

interface Values {
  reason: string;
  kind: ConflictKind;
  from: string | null;
  to: string | null;
}

/** Confirm a suggestion (correcting kind and dates if need be) or dismiss it, with a note. */
export function DecideConflictDialog({ decision, onClose, onDecided }: { decision: Decision | null; onClose(): void; onDecided(conflict: Conflict): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useFieldErrors(form);
  const { saving, run } = useSubmit((payload) => errors.show(payload.fields ?? []));
  const conflict = decision?.conflict;
  const confirming = decision?.decision === 'confirm';

  const save = async () => {
    if (!decision) return;
    const values = await form.validateFields();
    await run(async () => {
      const decided = await call('conflicts.decide', {
        conflictId: decision.conflict.id,
        decision: decision.decision,
        reason: values.reason ?? '',
        ...(confirming ? { kind: values.kind, from: values.from ?? null, to: values.to ?? null } : {}),
      });
      void message.success(t(confirming ? 'scoringUi.conflicts.confirmedMessage' : 'scoringUi.conflicts.dismissedMessage', { expert: decided.expertName, applicant: decided.applicantName }));
      onDecided(decided);
    });
  };

  return (
    <Modal
      open={decision !== null}
      title={t(confirming ? 'scoringUi.conflicts.confirmTitle' : 'scoringUi.conflicts.dismissTitle', { expert: conflict?.expertName ?? '', applicant: conflict?.applicantName ?? '' })}
      okText={t(confirming ? 'scoringUi.conflicts.confirm' : 'scoringUi.conflicts.dismiss')}
      okButtonProps={{ ...testId('decide-save'), danger: !confirming }}
      cancelText={t('ui.common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      width={560}
      destroyOnHidden
    >
      {conflict?.evidence && <Alert type="info" showIcon title={translateMessage(t, conflict.evidence)} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ reason: '', kind: conflict?.kind, from: conflict?.from ?? null, to: conflict?.to ?? null }}
        onValuesChange={(changed: object) => errors.forget(changed)}
      >
        {confirming && (
          <>
            <Form.Item name="kind" label={t('scoringUi.conflicts.kind')}>
              <Select options={CONFLICT_KINDS.map((kind) => ({ value: kind, label: t(`panels.conflict.kind.${kind}`) }))} data-testid="decide-kind" />
            </Form.Item>
            <Space size={16}>
              <Form.Item name="from" label={t('scoringUi.conflicts.from')}>
                <IsoDateInput />
              </Form.Item>
              <Form.Item name="to" label={t('scoringUi.conflicts.to')}>
                <IsoDateInput />
              </Form.Item>
            </Space>
          </>
        )}
        <Form.Item name="reason" label={t(confirming ? 'scoringUi.conflicts.noteOptional' : 'scoringUi.conflicts.reason')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="decide-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
