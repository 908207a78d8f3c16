import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { pinSchema, type ExpertRow } from '../../../../shared/api/panels';
import { call } from '../../bridge';
import { zodRule } from '../../form-rules';
import { testId } from '../../test-id';
import { useSubmit } from '../../hooks/useSubmit';

/** The office sets (or resets) the PIN an expert signs in to the review room with. */
export function PinDialog({ expert, onClose, onSet }: { expert: ExpertRow | null; onClose(): void; onSet(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ pin: string }>();
  const { saving, run } = useSubmit();

  const save = async () => {
    if (!expert) return;
    const { pin } = await form.validateFields();
    await run(async () => {
      await call('experts.setPin', { expertId: expert.id, pin });
      void message.success(t('scoringUi.pin.set', { name: expert.name }));
      form.resetFields();
      onSet();
    });
  };

  return (
    <Modal
      open={expert !== null}
      title={t(expert?.hasPin ? 'scoringUi.pin.resetTitle' : 'scoringUi.pin.title', { name: expert?.name ?? '' })}
      okText={t('scoringUi.pin.save')}
      cancelText={t('ui.common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      okButtonProps={testId('pin-save')}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('scoringUi.pin.help')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={() => void save()}>
        <Form.Item name="pin" label={t('scoringUi.pin.label')} rules={[zodRule(t, pinSchema)]}>
          <Input.Password autoFocus inputMode="numeric" maxLength={12} autoComplete="new-password" data-testid="pin-input" onPressEnter={() => void save()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
