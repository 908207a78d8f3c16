import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail } from '../../../../shared/api/applicants';
import { call } from '../../bridge';
import { errorPayload, translateError } from '../../errors';

type Decision = 'eligible' | 'ineligible';

/** Mirrors the core: decided while submitted; once eligible or ineligible only the note changes. */
const DECIDABLE: readonly string[] = ['submitted', 'eligible', 'ineligible'];

/** The office's own decision, recorded with a note; the rule check above only advises it. */
export function DecisionForm({ applicant, suggestion, onDecided }: { applicant: ApplicantDetail; suggestion: Decision | undefined; onDecided(detail: ApplicantDetail): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: Decision; note: string }>();
  const [busy, setBusy] = useState(false);
  const current = applicant.eligibility;
  const open = DECIDABLE.includes(applicant.status);
  const settled = applicant.status === 'eligible' || applicant.status === 'ineligible';

  // The rule check suggests a decision until the office has touched the choice itself.
  useEffect(() => {
    if (suggestion && !current && !form.isFieldTouched('decision')) form.setFieldValue('decision', suggestion);
  }, [suggestion, current, form]);

  const submit = async (values: { decision: Decision; note: string }) => {
    setBusy(true);
    try {
      onDecided(await call('applicants.decideEligibility', { applicantId: applicant.id, decision: values.decision, note: values.note ?? '' }));
      void message.success(t('ui.eligibility.decided'));
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('ui.eligibility.decision')} data-testid="eligibility-decision">
      {current && (
        <Alert
          type={current.decision === 'eligible' ? 'success' : 'error'}
          style={{ marginBottom: 16 }}
          title={t(`ui.eligibility.decision_${current.decision}`)}
          description={
            <>
              {current.note && <div className="pre-wrap">{current.note}</div>}
              <div className="muted small-text">{t('ui.eligibility.decidedBy', { by: current.decidedBy, at: new Date(current.decidedAt).toLocaleString(i18n.language) })}</div>
            </>
          }
          data-testid="current-decision"
        />
      )}
      {!open && <Alert type="info" showIcon title={t('ui.eligibility.closed', { status: t(`applicants.status.${applicant.status}`) })} data-testid="decision-closed" />}
      {open && settled && <Typography.Paragraph type="secondary">{t('ui.eligibility.noteOnly')}</Typography.Paragraph>}
      <Form hidden={!open} form={form} layout="vertical" initialValues={{ decision: current?.decision ?? suggestion, note: current?.note ?? '' }} onFinish={(values) => void submit(values)}>
        <Form.Item name="decision" label={t('ui.eligibility.decisionLabel')} rules={[{ required: true, message: t('errors.field.required') }]}>
          <Radio.Group
            disabled={settled}
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'eligible', label: t('ui.eligibility.decision_eligible') },
              { value: 'ineligible', label: t('ui.eligibility.decision_ineligible') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('ui.eligibility.note')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount placeholder={t('ui.eligibility.notePlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="decide-eligibility">
          {t('ui.eligibility.record')}
        </Button>
      </Form>
    </Card>
  );
}
