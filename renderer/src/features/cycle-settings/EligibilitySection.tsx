import { Card, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { NullableNumber } from '../../components/NullableNumber';

/** Setting name → the rule's label in applicants.json, the unit and the value used when switched on. */
const RULES = [
  { field: 'minYearsRegistered', rule: 'registeredYears', unit: 'ui.units.years', fallback: 3 },
  { field: 'minYearsPractisingExcellence', rule: 'practisingExcellence', unit: 'ui.units.years', fallback: 2 },
  { field: 'incidentFreeYears', rule: 'noMajorIncident', unit: 'ui.units.years', fallback: 3 },
  { field: 'reapplyAfterYears', rule: 'reapplyInterval', unit: 'ui.units.years', fallback: 5 },
  { field: 'minEmployees', rule: 'minEmployees', unit: 'ui.units.people', fallback: 100 },
  { field: 'minRevenue', rule: 'minRevenue', unit: 'ui.units.tenThousandYuan', fallback: 1000 },
] as const;

export function EligibilitySection() {
  const { t } = useTranslation();
  return (
    <Card title={t('ui.settings.eligibility')} extra={<span className="muted">{t('ui.settings.eligibilityHelp')}</span>}>
      {RULES.map(({ field, rule, unit, fallback }) => (
        <Form.Item key={field} label={t(`applicants.eligibility.${rule}.name`)} name={['eligibility', field]} htmlFor={`rule-${field}`} extra={t(`ui.settings.rule.${field}`)}>
          <NullableNumber id={`rule-${field}`} defaultValue={fallback} min={0} suffix={t(unit)} aria-label={t(`applicants.eligibility.${rule}.name`)} data-testid={`rule-${field}`} />
        </Form.Item>
      ))}
    </Card>
  );
}
