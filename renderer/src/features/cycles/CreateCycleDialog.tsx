import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { createCycleInput, type CreateCycleInput } from '../../../../shared/api/cycles';
import { call } from '../../bridge';
import { errorPayload, showFieldErrors, translateError } from '../../errors';
import { zodRule } from '../../form-rules';
import { testId } from '../../test-id';

export function CreateCycleDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateCycleInput>();

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return; // the form shows its own field errors
    try {
      const cycle = await call('cycles.create', values);
      void message.success(t('cycles.created', { name: cycle.name }));
      form.resetFields();
      onCreated();
    } catch (error) {
      const payload = errorPayload(error);
      if (!showFieldErrors(form, t, payload)) void message.error(translateError(t, payload));
    }
  };

  return (
    <Modal
      open={open}
      title={t('cycles.form.title')}
      okText={t('cycles.form.submit')}
      cancelText={t('cycles.form.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={testId('create-cycle-submit')}
    >
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() }} preserve={false}>
        <Form.Item name="name" required label={t('cycles.form.name')} rules={[zodRule(t, createCycleInput.shape.name)]} validateTrigger="onBlur">
          <Input placeholder={t('cycles.form.namePlaceholder')} data-testid="cycle-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="year" required label={t('cycles.form.year')} rules={[zodRule(t, createCycleInput.shape.year)]}>
          <InputNumber data-testid="cycle-year" style={{ width: 160 }} controls />
        </Form.Item>
      </Form>
    </Modal>
  );
}
