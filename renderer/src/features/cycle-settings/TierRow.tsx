import { Button, Form, Input, InputNumber, Space, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { FormListFieldData } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../../shared/i18n/languages';
import type { TierName, TierThreshold } from '../../../../shared/domain/cycle-settings';
import { NullableNumber } from '../../components/NullableNumber';

interface Props {
  field: FormListFieldData;
  index: number;
  kind: TierThreshold['kind'];
  isFirst: boolean;
  isLast: boolean;
  canRemove: boolean;
  onRemove(): void;
  onMove(to: number): void;
}

export function TierRow({ field, index, kind, isFirst, isLast, canRemove, onRemove, onMove }: Props) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance();
  // `preserve`: the name object is not itself a field, so only the whole store holds it.
  const watched = Form.useWatch(['tiers', field.name, 'name'], { form, preserve: true }) as TierName | undefined;
  // useWatch answers only after the first render; the store already knows the initial value.
  const name = watched ?? (form.getFieldValue(['tiers', field.name, 'name']) as TierName | undefined);

  /** A built-in name (a translation key) becomes editable text in all three languages. */
  const customise = () => {
    if (name?.kind !== 'key') return;
    const texts = Object.fromEntries(LANGUAGES.map((language) => [language, i18n.getFixedT(language)(name.key)]));
    form.setFieldValue(['tiers', field.name, 'name'], { kind: 'text', ...texts });
  };

  return (
    <div className="tier-grid" data-testid={`tier-${index}`}>
      <span className="tier-order">{index + 1}</span>
      <div>
        {name?.kind === 'key' ? (
          <Space size={6}>
            <Input value={t(name.key)} readOnly variant="filled" style={{ width: 180 }} aria-label={t('ui.settings.tierName')} />
            <Tooltip title={t('ui.settings.customiseName')}>
              <Button icon={<EditOutlined />} onClick={customise} aria-label={t('ui.settings.customiseName')} />
            </Tooltip>
          </Space>
        ) : (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            {LANGUAGES.map((language) => (
              <Form.Item key={language} name={[field.name, 'name', language]} style={{ marginBottom: 0 }}>
                <Input prefix={<span className="lang-prefix">{t(`ui.settings.langShort.${language}`)}</span>} maxLength={80} aria-label={`${t('ui.settings.tierName')} ${t(`languages.${language}`)}`} />
              </Form.Item>
            ))}
          </Space>
        )}
      </div>
      <Form.Item name={[field.name, 'id']} style={{ marginBottom: 0 }}>
        <Input maxLength={32} aria-label={t('ui.settings.tierId')} />
      </Form.Item>
      <Form.Item name={[field.name, 'threshold', kind === 'points' ? 'points' : 'percent']} style={{ marginBottom: 0 }}>
        <InputNumber min={0} max={kind === 'points' ? 100000 : 100} suffix={kind === 'points' ? t('ui.units.points') : '%'} style={{ width: 130 }} aria-label={t('ui.settings.threshold')} data-testid={`tier-${index}-threshold`} />
      </Form.Item>
      <Form.Item name={[field.name, 'quota']} style={{ marginBottom: 0 }}>
        <NullableNumber defaultValue={3} min={1} max={1000} offText={t('ui.settings.noQuota')} aria-label={t('ui.settings.quota')} />
      </Form.Item>
      <Space size={2}>
        <Button type="text" icon={<ArrowUpOutlined />} disabled={isFirst} onClick={() => onMove(index - 1)} aria-label={t('ui.settings.moveUp')} />
        <Button type="text" icon={<ArrowDownOutlined />} disabled={isLast} onClick={() => onMove(index + 1)} aria-label={t('ui.settings.moveDown')} />
        <Button type="text" danger icon={<DeleteOutlined />} disabled={!canRemove} onClick={onRemove} aria-label={t('ui.settings.removeTier')} />
      </Space>
    </div>
  );
}
