import { Button, Card, Checkbox, Col, Form, Input, Row, Select, Space } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { expertRecordSchema, type ExpertDetail, type ExpertRecord } from '../../../../shared/api/panels';
import { issuesToFieldErrors } from '../../../../shared/api/issues-to-field-errors';
import { INDUSTRY_SECTIONS } from '../../../../shared/domain/industries';
import { translateMessage } from '../../errors';
import { zodRule } from '../../form-rules';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { useLanguage } from '../../hooks/useLanguage';
import { useSubmit } from '../../hooks/useSubmit';
import { FormerEmployersList } from './FormerEmployersList';
import { blankExpert, expertFieldPath, isArrayField, toFormValues, toRecordInput, type ExpertFormValues } from './expert-form-values';

const shape = expertRecordSchema.shape;

interface Props {
  initial: ExpertDetail | undefined;
  /** Throws the core's refusal, which the form places on its fields. */
  onSubmit(record: ExpertRecord): Promise<void>;
  onCancel(): void;
}

/** An examiner's record: identity, specialties (GB/T 4754 sections), availability and past employers. */
export function ExpertForm({ initial, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<ExpertFormValues>();
  const errors = useFieldErrors(form, { mapPath: expertFieldPath, isField: isArrayField });
  const { saving, run } = useSubmit((payload) => errors.show(payload.fields ?? []));

  const submit = async () => {
    const checked = await form.validateFields().then(
      () => true,
      () => false,
    );
    const parsed = expertRecordSchema.safeParse(toRecordInput(form.getFieldsValue(true) as ExpertFormValues));
    if (!parsed.success) {
      errors.show(issuesToFieldErrors(parsed.error.issues));
      return;
    }
    if (!checked) return;
    await run(async () => {
      await onSubmit(parsed.data);
      errors.clear();
    });
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial ? toFormValues(initial.record) : blankExpert}
      onValuesChange={(changed: object) => errors.forget(changed)}
      data-testid="expert-form"
    >
      {errors.unplaced.length > 0 && (
        <Card size="small" className="form-problems">
          {errors.unplaced.map((field, index) => (
            <div key={index} className="ant-form-item-explain-error">
              {translateMessage(t, field)}
            </div>
          ))}
        </Card>
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={t('scoringUi.expert.name')} required rules={[zodRule(t, shape.name)]}>
            <Input maxLength={50} data-testid="expert-name" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="title" label={t('scoringUi.expert.title')}>
            <Input maxLength={100} placeholder={t('scoringUi.expert.titlePlaceholder')} data-testid="expert-title" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="organisation" label={t('scoringUi.expert.organisation')} required rules={[zodRule(t, shape.organisation)]}>
            <Input maxLength={200} data-testid="expert-organisation" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="organisationCreditCode" label={t('scoringUi.expert.creditCode')} extra={t('scoringUi.expert.creditCodeHelp')}>
            <Input maxLength={18} className="mono" data-testid="expert-credit-code" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="qualificationNumber" label={t('scoringUi.expert.qualification')}>
            <Input maxLength={50} data-testid="expert-qualification" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="groupName" label={t('scoringUi.expert.group')} extra={t('scoringUi.expert.groupHelp')}>
            <Input maxLength={200} data-testid="expert-group" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="specialties" label={t('scoringUi.expert.specialties')} extra={t('scoringUi.expert.specialtiesHelp')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="expert-specialties"
              options={INDUSTRY_SECTIONS.map((section) => ({ value: section.code, label: `${section.code} ${section.name[language]}` }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['contact', 'phone']} label={t('scoringUi.expert.phone')}>
            <Input maxLength={40} data-testid="expert-phone" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['contact', 'email']} label={t('scoringUi.expert.email')}>
            <Input maxLength={254} data-testid="expert-email" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('scoringUi.expert.availability')}>
            <Space size={20} wrap>
              {(['documentReview', 'presentation', 'siteVisit'] as const).map((stage) => (
                <Form.Item key={stage} name={['availability', stage]} valuePropName="checked" noStyle>
                  <Checkbox data-testid={`expert-available-${stage}`}>{t(`applicants.cycle.stage.${stage}`)}</Checkbox>
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
        </Col>
        <Col span={24}>
          <FormerEmployersList />
        </Col>
      </Row>
      <Space>
        <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void submit()} data-testid="expert-save">
          {t('scoringUi.expert.save')}
        </Button>
        <Button onClick={onCancel}>{t('ui.common.cancel')}</Button>
      </Space>
    </Form>
  );
}
