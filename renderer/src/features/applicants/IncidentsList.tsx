import { Button, Checkbox, Col, Form, Input, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { incidentSchema } from '../../../../shared/domain/applicant';
import { INCIDENT_KINDS } from '../../../../shared/domain/eligibility';
import { IsoDateInput } from '../../components/IsoDateInput';
import { domainRule } from '../../form-rules';

/** Declared quality, safety and environmental incidents; only major ones bar an applicant. */
export function IncidentsList() {
  const { t } = useTranslation();
  return (
    <Form.List name="incidents">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && (
            <Typography.Paragraph type="secondary" data-testid="no-incidents">
              {t('ui.applicant.noIncidents')}
            </Typography.Paragraph>
          )}
          {fields.map((field, index) => (
            <Row key={field.key} gutter={16} align="top" data-testid={`incident-${index}`}>
              <Col xs={24} md={5}>
                <Form.Item name={[field.name, 'date']} label={t('ui.applicant.incidentDate')} required rules={[domainRule(t, incidentSchema.shape.date)]}>
                  <IsoDateInput />
                </Form.Item>
              </Col>
              <Col xs={24} md={4}>
                <Form.Item name={[field.name, 'kind']} label={t('ui.applicant.incidentKind')} required rules={[domainRule(t, incidentSchema.shape.kind)]}>
                  <Select options={INCIDENT_KINDS.map((kind) => ({ value: kind, label: t(`applicants.incidentKind.${kind}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={3}>
                <Form.Item name={[field.name, 'major']} label={t('ui.applicant.incidentMajor')} valuePropName="checked">
                  <Checkbox>{t('ui.applicant.major')}</Checkbox>
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item name={[field.name, 'description']} label={t('ui.applicant.incidentDescription')}>
                  <Input maxLength={500} />
                </Form.Item>
              </Col>
              <Col xs={24} md={2} className="row-action">
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('ui.applicant.removeIncident')} />
              </Col>
            </Row>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ date: null, kind: 'quality', major: false, description: '' })} data-testid="add-incident">
            {t('ui.applicant.addIncident')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
