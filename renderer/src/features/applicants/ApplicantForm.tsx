import { useRef } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { OWNERSHIP_TYPES, applicantSchema, parseApplicant, type Applicant } from '../../../../shared/domain/applicant';
import { validateIndustry } from '../../../../shared/domain/industries';
import { IsoDateInput } from '../../components/IsoDateInput';
import { translateMessage } from '../../errors';
import { domainRule } from '../../form-rules';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { useSaveShortcut } from '../../hooks/useSaveShortcut';
import { useSubmit } from '../../hooks/useSubmit';
import { ContactsList } from './ContactsList';
import { CreditCodeField } from './CreditCodeField';
import { IncidentsList } from './IncidentsList';
import { IndustryCascader } from './IndustryCascader';
import { applicantFieldPath, blankApplicant, isArrayField, toFormValues, toRecordInput, type ApplicantFormValues } from './applicant-form-values';

const shape = applicantSchema.shape;

interface Props {
  initial?: Applicant;
  submitText: string;
  /** Throws the core's refusal, which the form places on its fields. */
  onSubmit(record: Applicant): Promise<void>;
  extraActions?: React.ReactNode;
}

/** The applicant record: same rules as the core (the domain schema), checked as the user types. */
export function ApplicantForm({ initial, submitText, onSubmit, extraActions }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplicantFormValues>();
  const errors = useFieldErrors(form, { mapPath: applicantFieldPath, isField: isArrayField });
  const { saving, run } = useSubmit((payload) => errors.show(payload.fields ?? []));

  const industryRule = {
    validator: async (_: unknown, value: unknown) => {
      const [section, division] = Array.isArray(value) ? (value as string[]) : [];
      if (!section || !division) throw new Error(t('applicants.validation.required'));
      const check = validateIndustry(section, division);
      if (!check.ok) throw new Error(translateMessage(t, check.message));
    },
  };

  const submit = async () => {
    const checked = await form.validateFields().then(
      () => true,
      () => false,
    );
    const parsed = parseApplicant(toRecordInput(form.getFieldsValue(true)));
    if (!parsed.ok) {
      errors.show(parsed.fields);
      void message.error(t('errors.validation'));
      return;
    }
    if (!checked) return;
    await run(async () => {
      await onSubmit(parsed.value);
      errors.clear();
    });
  };

  const container = useRef<HTMLDivElement>(null);
  useSaveShortcut(() => void submit(), container);

  const number = (name: keyof ApplicantFormValues, label: string, unit?: string, testId?: string) => (
    <Form.Item name={name} label={label} required rules={[domainRule(t, shape[name as keyof typeof shape])]}>
      <InputNumber min={0} style={{ width: '100%' }} suffix={unit} data-testid={testId} />
    </Form.Item>
  );

  return (
    <div ref={container}>
      <Form form={form} layout="vertical" initialValues={initial ? toFormValues(initial) : blankApplicant} onValuesChange={(changed: object) => errors.forget(changed)} data-testid="applicant-form">
        {errors.unplaced.length > 0 && (
          <Card size="small" className="form-problems">
            {errors.unplaced.map((field, index) => (
              <div key={index} className="ant-form-item-explain-error">
                {translateMessage(t, field)}
              </div>
            ))}
          </Card>
        )}
        <Space orientation="vertical" size={20} style={{ width: '100%' }}>
          <Card title={t('ui.applicant.identity')}>
            <Row gutter={24}>
              <Col xs={24} lg={12}>
                <Form.Item name="legalName" label={t('ui.applicant.legalName')} required rules={[domainRule(t, shape.legalName)]} extra={t('ui.applicant.legalNameHelp')}>
                  <Input maxLength={200} data-testid="legal-name" />
                </Form.Item>
              </Col>
              <Col xs={24} lg={12}>
                <CreditCodeField />
              </Col>
              <Col xs={24} lg={12}>
                <Form.Item name="industry" label={t('ui.applicant.industry')} required rules={[industryRule]}>
                  <IndustryCascader />
                </Form.Item>
              </Col>
              <Col xs={24} lg={6}>
                <Form.Item name="ownership" label={t('ui.applicant.ownership')} required rules={[domainRule(t, shape.ownership)]}>
                  <Select data-testid="ownership" placeholder={t('ui.applicant.ownershipPlaceholder')} options={OWNERSHIP_TYPES.map((value) => ({ value, label: t(`applicants.ownership.${value}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} lg={6}>
                <Form.Item name="registrationDate" label={t('ui.applicant.registrationDate')} required rules={[domainRule(t, shape.registrationDate)]}>
                  <IsoDateInput data-testid="registration-date" />
                </Form.Item>
              </Col>
              <Col xs={24} lg={12}>
                <Form.Item name="region" label={t('ui.applicant.region')} required rules={[domainRule(t, shape.region)]}>
                  <Input maxLength={100} placeholder={t('ui.applicant.regionPlaceholder')} data-testid="region" />
                </Form.Item>
              </Col>
              <Col xs={24} lg={6}>
                <Form.Item name="areaCode" label={t('ui.applicant.areaCode')} rules={[domainRule(t, shape.areaCode, { emptyAs: null })]}>
                  <Input maxLength={6} className="mono" placeholder="350102" data-testid="area-code" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card title={t('ui.applicant.scale')}>
            <Row gutter={24}>
              <Col xs={24} md={12} lg={6}>
                {number('employees', t('ui.applicant.employees'), t('ui.units.people'), 'employees')}
              </Col>
              <Col xs={24} md={12} lg={6}>
                {number('revenue', t('ui.applicant.revenue'), t('ui.units.tenThousandYuan'), 'revenue')}
              </Col>
              <Col xs={24} md={12} lg={6}>
                {number('yearsPractisingExcellence', t('ui.applicant.yearsPractising'), t('ui.units.years'), 'years-practising')}
              </Col>
              <Col xs={24} md={12} lg={6}>
                <Form.Item name="previousAwardYears" label={t('ui.applicant.previousAwardYears')} extra={t('ui.applicant.previousAwardYearsHelp')}>
                  <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} data-testid="previous-awards" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card title={t('ui.applicant.incidents')}>
            <IncidentsList />
          </Card>
          <Card title={t('ui.applicant.contacts')}>
            <ContactsList />
          </Card>
        </Space>
        <Card className="sticky-actions" size="small">
          <Space>
            <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void submit()} data-testid="applicant-submit">
              {submitText}
            </Button>
            {extraActions}
          </Space>
        </Card>
      </Form>
    </div>
  );
}
