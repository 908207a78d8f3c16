import { useState } from 'react';
import { Alert, App, Button, Card, Form, Space } from 'antd';
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CycleDetail } from '../../../../shared/api/cycles';
import { parseCycleSettings, type CycleSettings } from '../../../../shared/domain/cycle-settings';
import { call } from '../../bridge';
import { errorPayload, translateError, translateMessage, type FieldPath } from '../../errors';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { useSaveShortcut } from '../../hooks/useSaveShortcut';
import { ScoringSection } from './ScoringSection';
import { EligibilitySection } from './EligibilitySection';
import { TiersSection } from './TiersSection';
import { CertificateSection } from './CertificateSection';
import { DeadlinesSection } from './DeadlinesSection';

/** Core paths are `settings.…`; the form holds the settings object itself. */
function mapPath(path: FieldPath): FieldPath | undefined {
  const inner = path[0] === 'settings' ? path.slice(1) : path;
  if (inner.length === 1 && inner[0] === 'stages') return ['stages', 'siteVisit'];
  if (inner.length === 1 && inner[0] === 'aggregation') return ['aggregation', 'method'];
  return inner;
}

export function SettingsForm({ cycle, frameworkTotal, onSaved }: { cycle: CycleDetail; frameworkTotal: number; onSaved(detail: CycleDetail): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CycleSettings>();
  const errors = useFieldErrors(form, { mapPath });
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  // Approved results freeze the rules they were computed with; the core refuses changes as well.
  const locked = cycle.status === 'approved';

  const save = async () => {
    const local = parseCycleSettings(form.getFieldsValue(true));
    if (!local.ok) {
      errors.show(local.fields);
      void message.error(t('errors.validation'));
      return;
    }
    setSaving(true);
    try {
      const detail = await call('cycles.updateSettings', { cycleId: cycle.id, settings: local.value });
      errors.clear();
      form.setFieldsValue(detail.settings);
      setDirty(false);
      onSaved(detail);
      void message.success(t('ui.settings.saved'));
    } catch (error) {
      const payload = errorPayload(error);
      if (!errors.show(payload.fields ?? [])) void message.error(translateError(t, payload));
      else void message.error(t('errors.validation'));
    } finally {
      setSaving(false);
    }
  };

  useSaveShortcut(() => void save());

  const reset = () => {
    form.resetFields();
    errors.clear();
    setDirty(false);
  };

  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ flex: '210px' }}
      labelWrap
      labelAlign="left"
      wrapperCol={{ flex: 1 }}
      colon={false}
      initialValues={cycle.settings}
      disabled={locked}
      onValuesChange={(changed: object) => {
        setDirty(true);
        errors.forget(changed);
      }}
      data-testid="cycle-settings-form"
    >
      {locked && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('ui.settings.locked')} data-testid="settings-locked" />}
      {errors.unplaced.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('ui.settings.problems')}
          description={
            <ul className="plain-list">
              {errors.unplaced.map((field, index) => (
                <li key={index}>{translateMessage(t, field)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Space orientation="vertical" size={20} style={{ width: '100%' }}>
        <ScoringSection />
        <TiersSection frameworkTotal={frameworkTotal} />
        <EligibilitySection />
        <CertificateSection year={cycle.year} cycleId={cycle.id} locked={locked} />
        <DeadlinesSection />
      </Space>
      {!locked && (
        <Card className="sticky-actions" size="small">
          <Space>
            <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} data-testid="settings-save">
              {t('ui.settings.save')}
            </Button>
            <Button icon={<UndoOutlined />} disabled={!dirty} onClick={reset}>
              {t('ui.settings.reset')}
            </Button>
            {dirty && <span className="muted">{t('ui.settings.unsaved')}</span>}
          </Space>
        </Card>
      )}
    </Form>
  );
}
