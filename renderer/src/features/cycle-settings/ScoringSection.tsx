import { Card, Form, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AGGREGATION_METHODS, STAGE_IDS } from '../../../../shared/domain/cycle-settings';
import { NullableNumber } from '../../components/NullableNumber';

/** Stage weights, how experts' percentages are combined, and when their disagreement is flagged. */
export function ScoringSection() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const stages = Form.useWatch('stages', form) as Record<string, number | null> | undefined;
  const method = Form.useWatch(['aggregation', 'method'], form) as string | undefined;
  const sum = STAGE_IDS.reduce((total, id) => total + (stages?.[id] ?? 0), 0);

  return (
    <Card title={t('ui.settings.scoring')}>
      {STAGE_IDS.map((stage) => (
        <Form.Item key={stage} label={t(`applicants.cycle.stage.${stage}`)} name={['stages', stage]} htmlFor={`stage-${stage}`}>
          {stage === 'presentation' ? (
            <NullableNumber id={`stage-${stage}`} defaultValue={20} min={0} max={100} suffix="%" offText={t('ui.settings.noPresentation')} aria-label={t(`applicants.cycle.stage.${stage}`)} data-testid={`stage-${stage}`} />
          ) : (
            <InputNumber id={`stage-${stage}`} min={0} max={100} suffix="%" style={{ width: 170 }} data-testid={`stage-${stage}`} />
          )}
        </Form.Item>
      ))}
      <Form.Item label={t('ui.settings.stageSum')}>
        <Typography.Text type={sum === 100 ? 'success' : 'danger'} data-testid="stage-sum">
          {t('ui.settings.stageSumValue', { sum })}
        </Typography.Text>
      </Form.Item>
      <Form.Item label={t('ui.settings.aggregation')} name={['aggregation', 'method']}>
        <Select
          style={{ maxWidth: 360 }}
          data-testid="aggregation-method"
          options={AGGREGATION_METHODS.map((value) => ({ value, label: t(`applicants.cycle.aggregation.${value}`) }))}
          onChange={(value) => {
            if (value === 'trimmedMean' && !form.getFieldValue(['aggregation', 'trim'])) form.setFieldValue(['aggregation', 'trim'], 1);
          }}
        />
      </Form.Item>
      {method === 'trimmedMean' && (
        <Form.Item label={t('ui.settings.trim')} name={['aggregation', 'trim']} extra={t('ui.settings.trimHelp')}>
          <InputNumber min={1} max={5} style={{ width: 170 }} data-testid="aggregation-trim" />
        </Form.Item>
      )}
      <Form.Item label={t('ui.settings.disagreement')} name="disagreementThreshold" extra={t('ui.settings.disagreementHelp')}>
        <InputNumber min={0} max={100} suffix="%" style={{ width: 170 }} data-testid="disagreement-threshold" />
      </Form.Item>
    </Card>
  );
}
