import { Button, Form, Input, InputNumber, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Former employers with years: an applicant among them is suggested as a conflict. */
export function FormerEmployersList() {
  const { t } = useTranslation();
  return (
    <Form.List name="formerEmployers">
      {(fields, { add, remove }) => (
        <div data-testid="former-employers">
          <div className="pane-heading" style={{ marginBottom: 8 }}>
            <span>{t('scoringUi.expert.formerEmployers')}</span>
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', fromYear: null, toYear: null })} data-testid="former-employer-add">
              {t('scoringUi.expert.addEmployer')}
            </Button>
          </div>
          {fields.length === 0 && (
            <Typography.Text type="secondary" className="small-text">
              {t('scoringUi.expert.noEmployers')}
            </Typography.Text>
          )}
          {fields.map((field) => (
            <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
              <Form.Item name={[field.name, 'name']} style={{ flex: 1, marginBottom: 8 }} rules={[{ required: true, message: t('errors.field.required') }]}>
                <Input maxLength={200} placeholder={t('scoringUi.expert.employerName')} aria-label={t('scoringUi.expert.employerName')} data-testid="former-employer-name" />
              </Form.Item>
              <Form.Item name={[field.name, 'fromYear']} style={{ marginBottom: 8 }}>
                <InputNumber min={1900} max={2200} precision={0} placeholder={t('scoringUi.expert.fromYear')} aria-label={t('scoringUi.expert.fromYear')} style={{ width: 110 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'toYear']} style={{ marginBottom: 8 }}>
                <InputNumber min={1900} max={2200} precision={0} placeholder={t('scoringUi.expert.toYear')} aria-label={t('scoringUi.expert.toYear')} style={{ width: 110 }} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('scoringUi.expert.removeEmployer')} />
            </div>
          ))}
        </div>
      )}
    </Form.List>
  );
}
