import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExpertRow } from '../../../../shared/api/panels';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { call } from '../../bridge';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { useSubmit } from '../../hooks/useSubmit';
import { testId } from '../../test-id';

interface Values {
  name: string;
  memberIds: string[];
  leaderExpertId?: string;
}

/** A panel for one stage: its name, members and leader. */
export function NewPanelDialog({ cycleId, stage, open, experts, seated, onClose, onCreated }: { cycleId: string; stage: StageId; open: boolean; experts: readonly ExpertRow[]; seated: ReadonlySet<string>; onClose(): void; onCreated(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useFieldErrors(form);
  const { saving, run } = useSubmit((payload) => errors.show(payload.fields ?? []));
  const memberIds = Form.useWatch('memberIds', form) ?? [];

  const save = async () => {
    const values = await form.validateFields();
    await run(async () => {
      const panel = await call('panels.create', { cycleId, stage, name: values.name, memberIds: values.memberIds ?? [], leaderExpertId: values.leaderExpertId ?? null });
      void message.success(t('scoringUi.panels.created', { name: panel.name }));
      form.resetFields();
      onCreated();
    });
  };

  return (
    <Modal
      open={open}
      title={t('scoringUi.panels.newTitle', { stage: t(`applicants.cycle.stage.${stage}`) })}
      okText={t('scoringUi.panels.create')}
      cancelText={t('ui.common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      okButtonProps={testId('panel-create-save')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ name: '', memberIds: [] }} onValuesChange={(changed: object) => errors.forget(changed)}>
        <Form.Item name="name" label={t('scoringUi.panels.name')} rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}>
          <Input maxLength={100} placeholder={t('scoringUi.panels.namePlaceholder')} data-testid="panel-create-name" />
        </Form.Item>
        <Form.Item name="memberIds" label={t('scoringUi.panels.members')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="panel-create-members"
            options={experts.filter((e) => !seated.has(e.id)).map((e) => ({ value: e.id, label: `${e.name} · ${e.organisation}` }))}
          />
        </Form.Item>
        <Form.Item name="leaderExpertId" label={t('scoringUi.panels.leader')}>
          <Select allowClear data-testid="panel-create-leader" options={experts.filter((e) => memberIds.includes(e.id)).map((e) => ({ value: e.id, label: e.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
