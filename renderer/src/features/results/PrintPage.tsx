import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Radio, Select, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, type PrintKind } from '../../../../shared/api/results';
import { stagesInUse, type StageId } from '../../../../shared/domain/cycle-settings';
import { LANGUAGES, type Language } from '../../../../shared/i18n/languages';
import { call } from '../../bridge';
import { errorPayload, translateError } from '../../errors';
import { useCall } from '../../hooks/useCall';
import { useLanguage } from '../../hooks/useLanguage';
import { hasNativeDialogs } from '../exchange/file-transfer';
import { PrintJobStatus } from './PrintJobStatus';
import { ResultsSectionHeader } from './ResultsSectionHeader';

interface Values {
  kind: PrintKind;
  language: Language;
  mode: 'perApplicant' | 'combined';
  applicantIds: string[];
  stage: StageId | undefined;
  blank: boolean;
}

/** Lists of the whole cycle: always one file. */
const SINGLE_FILE_KINDS: readonly PrintKind[] = ['ranking', 'publicNotice'];
const STAGE_KINDS: readonly PrintKind[] = ['reports', 'scoreSheets'];

/** Batch printing: pick the documents, language and layout; the job runs in the background with a progress bar. */
export function PrintPage({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const uiLanguage = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'certificates';
  const ranking = useCall('results.ranking', { cycleId });
  const cycle = useCall('cycles.get', { cycleId });
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const stages = cycle.data ? stagesInUse(cycle.data.settings.stages) : [];
  const perApplicantKind = !SINGLE_FILE_KINDS.includes(kind);

  const start = async () => {
    const values = await form.validateFields();
    setStarting(true);
    try {
      const started = await call('documents.print', {
        cycleId,
        kind: values.kind,
        language: values.language,
        mode: perApplicantKind ? values.mode : 'combined',
        blank: values.kind === 'scoreSheets' && values.blank,
        ...(perApplicantKind && values.applicantIds.length > 0 ? { applicantIds: values.applicantIds } : {}),
        ...(STAGE_KINDS.includes(values.kind) && values.stage ? { stage: values.stage } : {}),
      });
      setJobId(started.jobId);
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <ResultsSectionHeader cycleId={cycleId} section="print" approved={ranking.data ? ranking.data.status === 'approved' : undefined} />
      <Card size="small" title={t('results.ui.print.title')} data-testid="print-panel">
        <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'certificates', language: uiLanguage, mode: 'perApplicant', applicantIds: [], blank: false }} style={{ maxWidth: 640 }}>
          <Form.Item name="kind" label={t('results.ui.print.kind')}>
            <Radio.Group optionType="button" options={DOCUMENT_KINDS.map((value) => ({ value, label: <span data-testid={`print-kind-${value}`}>{t(`results.files.${value}`)}</span> }))} />
          </Form.Item>
          <Form.Item name="language" label={t('results.ui.print.language')}>
            <Radio.Group options={LANGUAGES.map((value) => ({ value, label: t(`languages.${value}`) }))} data-testid="print-language" />
          </Form.Item>
          {perApplicantKind && (
            <>
              <Form.Item name="mode" label={t('results.ui.print.mode')}>
                <Radio.Group
                  options={(['perApplicant', 'combined'] as const).map((value) => ({ value, label: <span data-testid={`print-mode-${value}`}>{t(`results.ui.print.modes.${value}`)}</span> }))}
                />
              </Form.Item>
              <Form.Item name="applicantIds" label={t('results.ui.print.applicants')} extra={t('results.ui.print.applicantsHint')}>
                <Select
                  mode="multiple"
                  allowClear
                  loading={ranking.loading}
                  placeholder={t('results.ui.print.allApplicants')}
                  optionFilterProp="label"
                  options={(ranking.data?.rows ?? []).map((row) => ({ value: row.applicantId, label: row.legalName }))}
                  data-testid="print-applicants"
                />
              </Form.Item>
            </>
          )}
          {STAGE_KINDS.includes(kind) && stages.length > 0 && (
            <Form.Item name="stage" label={t('results.ui.print.stage')}>
              <Select allowClear placeholder={t(`results.ui.print.defaultStage.${kind === 'reports' ? 'reports' : 'scoreSheets'}`)} options={stages.map((value) => ({ value, label: t(`applicants.cycle.stage.${value}`) }))} />
            </Form.Item>
          )}
          {kind === 'scoreSheets' && (
            <Form.Item name="blank" valuePropName="checked">
              <Checkbox>{t('results.ui.print.blank')}</Checkbox>
            </Form.Item>
          )}
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(hasNativeDialogs() ? 'results.ui.print.whereDesktop' : 'results.ui.print.whereBrowser')} />
          <Space orientation="vertical" style={{ width: '100%' }} size={16}>
            <Button type="primary" icon={<PrinterOutlined />} loading={starting} onClick={() => void start()} data-testid="print-start">
              {t('results.ui.print.start')}
            </Button>
            {jobId && <PrintJobStatus key={jobId} jobId={jobId} />}
          </Space>
        </Form>
      </Card>
    </>
  );
}
