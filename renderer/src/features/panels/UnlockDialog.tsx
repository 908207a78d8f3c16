import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { call } from '../../bridge';
import { testId } from '../../test-id';
import { useSubmit } from '../../hooks/useSubmit';

export interface UnlockTarget {
  stage: StageId;
  applicantId: string;
  applicantName: string;
  expertId: string;
  expertName: string;
}

/** Office only: reopen a submitted sheet, saying why (the reason is audited). */
export function UnlockDialog({ target, onClose, onUnlocked }: { target: UnlockTarget | null; onClose(): void; onUnlocked(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { saving, run } = useSubmit();

  const save = async () => {
    if (!target) return;
    const { reason } = await form.validateFields();
    await run(async () => {
      await call('scores.unlock', { stage: target.stage, applicantId: target.applicantId, expertId: target.expertId, reason });
      void message.success(t('scoringUi.unlock.done', { name: target.expertName }));
      form.resetFields();
      onUnlocked();
    });
  };

  return (
    <Modal
      open={target !== null}
      title={t('scoringUi.unlock.title', { name: target?.expertName ?? '' })}
      okText={t('scoringUi.unlock.confirm')}
      cancelText={t('ui.common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      okButtonProps={testId('unlock-save')}
      destroyOnHidden
    >
      <p>{t('scoringUi.unlock.text', { applicant: target?.applicantName ?? '' })}</p>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('scoringUi.unlock.reason')} rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
