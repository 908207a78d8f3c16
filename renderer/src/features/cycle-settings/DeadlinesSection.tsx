import { Card, Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEADLINE_IDS } from '../../../../shared/domain/cycle-settings';
import { IsoDateInput } from '../../components/IsoDateInput';

export function DeadlinesSection() {
  const { t } = useTranslation();
  return (
    <Card title={t('ui.settings.deadlines')} extra={<span className="muted">{t('ui.settings.deadlinesHelp')}</span>}>
      <Row gutter={24}>
        {DEADLINE_IDS.map((id) => (
          <Col key={id} xs={24} xxl={12}>
            <Form.Item label={t(`applicants.cycle.deadline.${id}`)} name={['deadlines', id]}>
              <IsoDateInput data-testid={`deadline-${id}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
