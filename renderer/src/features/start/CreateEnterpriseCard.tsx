import { App, Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { ShopOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cycleYear } from '../../../../shared/api/cycles';
import { textField } from '../../../../shared/api/schemas';
import { call } from '../../bridge';
import { errorPayload, showFieldErrors, translateError } from '../../errors';
import { zodRule } from '../../form-rules';
import { useHashRoute } from '../../hooks/useHashRoute';
import { useWorkspace } from '../../hooks/useWorkspace';
import { href } from '../../app/routes';

interface Values {
  organisationName: string;
  cycleName: string;
  year: number;
}

/** One click to a workspace an enterprise writes its application in (its own SQLite file). */
export function CreateEnterpriseCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { reopen } = useWorkspace();
  const { navigate } = useHashRoute();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    try {
      const created = await call('workspaces.createEnterprise', values);
      // Reopen first: the new role must be known before its page is asked for.
      await reopen();
      navigate(href.myApplication());
      void message.success(t('ui.start.enterpriseCreated', { title: created.title }));
    } catch (error) {
      const payload = errorPayload(error);
      if (!showFieldErrors(form, t, payload)) void message.error(translateError(t, payload));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('ui.start.newEnterprise')} data-testid="create-enterprise">
      <Typography.Paragraph type="secondary">{t('ui.start.newEnterpriseHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() }} onFinish={(values) => void submit(values)}>
        <Form.Item name="organisationName" required label={t('ui.start.organisationName')} rules={[zodRule(t, textField(200))]}>
          <Input placeholder={t('ui.start.organisationPlaceholder')} data-testid="enterprise-organisation" maxLength={200} />
        </Form.Item>
        <Form.Item name="cycleName" required label={t('ui.start.cycleName')} rules={[zodRule(t, textField(200))]}>
          <Input placeholder={t('cycles.form.namePlaceholder')} data-testid="enterprise-cycle" maxLength={200} />
        </Form.Item>
        <Form.Item name="year" required label={t('cycles.form.year')} rules={[zodRule(t, cycleYear)]}>
          <InputNumber data-testid="enterprise-year" style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<ShopOutlined />} loading={busy} data-testid="create-enterprise-submit">
          {t('ui.start.createEnterprise')}
        </Button>
      </Form>
    </Card>
  );
}
