import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { CheckCircleOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Ranking } from '../../../../shared/api/results';
import { call } from '../../bridge';
import { errorPayload, translateError } from '../../errors';
import { testId } from '../../test-id';

/** Final approval (locks the cycle and numbers the certificates) and its audited withdrawal. */
export function ApprovalActions({ ranking, onChanged }: { ranking: Ranking; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const approve = async () => {
    setBusy(true);
    try {
      const result = await call('results.approve', { cycleId: ranking.cycleId });
      void message.success(t('results.ui.committee.approved', { count: result.certificates.length }));
      onChanged();
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(false);
    }
  };

  const reopen = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      await call('results.reopen', { cycleId: ranking.cycleId, reason });
      void message.success(t('results.ui.committee.reopened'));
      setReopening(false);
      form.resetFields();
      onChanged();
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(false);
    }
  };

  if (ranking.status === 'open') {
    return (
      <Popconfirm
        title={t('results.ui.committee.approveConfirm')}
        description={t('results.ui.committee.approveText')}
        okText={t('results.ui.committee.approve')}
        cancelText={t('ui.common.cancel')}
        onConfirm={() => void approve()}
        okButtonProps={testId('approve-confirm')}
      >
        <Button type="primary" icon={<CheckCircleOutlined />} loading={busy} data-testid="approve-results">
          {t('results.ui.committee.approve')}
        </Button>
      </Popconfirm>
    );
  }
  return (
    <Space>
      <Button icon={<UnlockOutlined />} loading={busy} onClick={() => setReopening(true)} data-testid="reopen-results">
        {t('results.ui.committee.reopen')}
      </Button>
      <Modal
        open={reopening}
        title={t('results.ui.committee.reopenTitle')}
        okText={t('results.ui.committee.reopen')}
        cancelText={t('ui.common.cancel')}
        confirmLoading={busy}
        onOk={() => void reopen()}
        onCancel={() => setReopening(false)}
        okButtonProps={testId('reopen-save')}
        destroyOnHidden
      >
        <p>{t('results.ui.committee.reopenText')}</p>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('results.ui.committee.reason')} rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="reopen-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
