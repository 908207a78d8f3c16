import { App, Form, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONFLICT_KINDS, type ConflictKind } from '../../../../shared/api/panels';
import { call } from '../../bridge';
import { IsoDateInput } from '../../components/IsoDateInput';
import { useCall } from '../../hooks/useCall';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { useSubmit } from '../../hooks/useSubmit';
import { testId } from '../../test-id';

interface Values {
  expertId?: string;
  applicantId?: string;
  kind?: ConflictKind;
  from: string | null;
  to: string | null;
  note: string;
}

/** A conflict the office knows of: recorded as confirmed at once, so it blocks assignment. */
export function DeclareConflictDialog({ cycleId, open, onClose, onDeclared }: { cycleId: string; open: boolean; onClose(): void; onDeclared(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useFieldErrors(form);
  const { saving, run } = useSubmit((payload) => errors.show(payload.fields ?? []));
  const experts = useCall('experts.list', open ? {} : null);
  const applicants = useCall('applicants.list', open ? { cycleId } : null);
  const required = [{ required: true, message: t('errors.field.required') }];

  const save = async () => {
    const values = await form.validateFields();
    await run(async () => {
      const conflict = await call('conflicts.declare', {
        expertId: values.expertId!,
        applicantId: values.applicantId!,
        kind: values.kind!,
        from: values.from ?? null,
        to: values.to ?? null,
        note: values.note ?? '',
      });
      void message.success(t('scoringUi.conflicts.declared', { expert: conflict.expertName, applicant: conflict.applicantName }));
      form.resetFields();
      onDeclared();
    });
  };

  return (
    <Modal
      open={open}
      title={t('scoringUi.conflicts.declareTitle')}
      okText={t('scoringUi.conflicts.declare')}
      cancelText={t('ui.common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      okButtonProps={testId('declare-save')}
      width={560}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ from: null, to: null, note: '' }} onValuesChange={(changed: object) => errors.forget(changed)}>
        <Form.Item name="expertId" label={t('scoringUi.conflicts.expert')} rules={required}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={experts.loading} data-testid="declare-expert" options={(experts.data ?? []).map((e) => ({ value: e.id, label: `${e.name} · ${e.organisation}` }))} />
        </Form.Item>
        <Form.Item name="applicantId" label={t('scoringUi.conflicts.applicant')} rules={required}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={applicants.loading} data-testid="declare-applicant" options={(applicants.data ?? []).map((a) => ({ value: a.id, label: a.legalName }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('scoringUi.conflicts.kind')} rules={required}>
          <Select data-testid="declare-kind" options={CONFLICT_KINDS.map((kind) => ({ value: kind, label: t(`panels.conflict.kind.${kind}`) }))} />
        </Form.Item>
        <Space size={16}>
          <Form.Item name="from" label={t('scoringUi.conflicts.from')}>
            <IsoDateInput data-testid="declare-from" />
          </Form.Item>
          <Form.Item name="to" label={t('scoringUi.conflicts.to')}>
            <IsoDateInput data-testid="declare-to" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('scoringUi.conflicts.note')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="declare-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
