import { Button, Card, Form, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Tier, TierThreshold } from '../../../../shared/domain/cycle-settings';
import { NullableNumber } from '../../components/NullableNumber';
import { TierRow } from './TierRow';

type ThresholdKind = TierThreshold['kind'];

function convert(threshold: TierThreshold | undefined, kind: ThresholdKind, total: number): TierThreshold {
  if (!threshold) return kind === 'points' ? { kind, points: 0 } : { kind, percent: 0 };
  if (threshold.kind === kind) return threshold;
  if (threshold.kind === 'percentOfMax') return { kind: 'points', points: Math.round((threshold.percent * total) / 100) };
  return { kind: 'percentOfMax', percent: Math.min(100, Math.round((threshold.points * 100) / total)) };
}

/** Award tiers, best first; one threshold kind for all of them, as the domain requires. */
export function TiersSection({ frameworkTotal }: { frameworkTotal: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  // `preserve`: a threshold's kind is not a field of its own, only the whole store holds it.
  const tiers = (Form.useWatch('tiers', { form, preserve: true }) as Tier[] | undefined) ?? (form.getFieldValue('tiers') as Tier[] | undefined) ?? [];
  const kind: ThresholdKind = tiers[0]?.threshold?.kind ?? 'percentOfMax';

  const changeKind = (next: ThresholdKind) => {
    const current = (form.getFieldValue('tiers') as Tier[] | undefined) ?? [];
    form.setFieldValue(
      'tiers',
      current.map((tier) => ({ ...tier, threshold: convert(tier.threshold, next, frameworkTotal) })),
    );
  };

  return (
    <Card title={t('ui.settings.tiers')} extra={<span className="muted">{t('ui.settings.tiersHelp')}</span>}>
      <Form.Item label={t('ui.settings.thresholdKind')}>
        <Select
          value={kind}
          onChange={changeKind}
          style={{ maxWidth: 360 }}
          data-testid="threshold-kind"
          options={[
            { value: 'percentOfMax', label: t('ui.settings.percentOfMax', { total: frameworkTotal }) },
            { value: 'points', label: t('ui.settings.points') },
          ]}
        />
      </Form.Item>
      <Form.List name="tiers">
        {(fields, { add, remove, move }, meta) => (
          <>
            <div className="tier-grid tier-grid-head" aria-hidden>
              <span>{t('ui.settings.tierOrder')}</span>
              <span>{t('ui.settings.tierName')}</span>
              <span>{t('ui.settings.tierId')}</span>
              <span>{kind === 'points' ? t('ui.settings.thresholdPoints') : t('ui.settings.thresholdPercent')}</span>
              <span>{t('ui.settings.quota')}</span>
              <span />
            </div>
            {fields.map((field, index) => (
              <TierRow
                key={field.key}
                field={field}
                index={index}
                kind={kind}
                isFirst={index === 0}
                isLast={index === fields.length - 1}
                onRemove={() => remove(field.name)}
                onMove={(to) => move(index, to)}
                canRemove={fields.length > 1}
              />
            ))}
            <Form.ErrorList errors={meta.errors} />
            <Space style={{ marginTop: 8 }}>
              <Button
                icon={<PlusOutlined />}
                disabled={fields.length >= 10}
                onClick={() => add({ id: `tier-${fields.length + 1}`, name: { kind: 'text', 'zh-CN': '', en: '', 'zh-TW': '' }, threshold: convert(undefined, kind, frameworkTotal), quota: null })}
                data-testid="add-tier"
              >
                {t('ui.settings.addTier')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
      <Form.Item label={t('ui.settings.totalQuota')} name="totalQuota" htmlFor="total-quota" style={{ marginTop: 20, marginBottom: 0 }} extra={<Typography.Text type="secondary">{t('ui.settings.totalQuotaHelp')}</Typography.Text>}>
        <NullableNumber id="total-quota" defaultValue={10} min={1} max={1000} suffix={t('ui.units.winners')} offText={t('ui.settings.noQuota')} aria-label={t('ui.settings.totalQuota')} />
      </Form.Item>
    </Card>
  );
}
