import { Button, Col, Form, Input, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_CONTACTS, contactSchema } from '../../../../shared/domain/applicant';
import { domainRule } from '../../form-rules';

export function ContactsList() {
  const { t } = useTranslation();
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }, meta) => (
        <>
          {fields.map((field, index) => (
            <Row key={field.key} gutter={16} align="top" data-testid={`contact-${index}`}>
              <Col xs={24} md={7}>
                <Form.Item name={[field.name, 'name']} label={t('ui.applicant.contactName')} required rules={[domainRule(t, contactSchema.shape.name)]}>
                  <Input maxLength={50} data-testid={`contact-${index}-name`} />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item name={[field.name, 'phone']} label={t('ui.applicant.contactPhone')} required rules={[domainRule(t, contactSchema.shape.phone)]}>
                  <Input maxLength={40} data-testid={`contact-${index}-phone`} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={[field.name, 'email']} label={t('ui.applicant.contactEmail')} rules={[domainRule(t, contactSchema.shape.email, { emptyAs: '' })]}>
                  <Input maxLength={254} data-testid={`contact-${index}-email`} />
                </Form.Item>
              </Col>
              <Col xs={24} md={2} className="row-action">
                <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(field.name)} aria-label={t('ui.applicant.removeContact')} />
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={meta.errors} />
          <Button icon={<PlusOutlined />} disabled={fields.length >= MAX_CONTACTS} onClick={() => add({ name: '', phone: '', email: '' })} data-testid="add-contact">
            {t('ui.applicant.addContact')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
