import { InputNumber, Space, Switch } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface NullableNumberProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Used when the switch turns the setting on and no earlier value is remembered. */
  defaultValue: number;
  min?: number;
  max?: number;
  step?: number;
  suffix?: string;
  /** Shown while off, e.g. "no limit". */
  offText?: string;
  id?: string;
  'data-testid'?: string;
  'aria-label'?: string;
}

/** A number the settings may switch off (null): a switch plus the number it governs. */
export function NullableNumber({ value, onChange, defaultValue, min, max, step, suffix, offText, id, ...rest }: NullableNumberProps) {
  const { t } = useTranslation();
  const remembered = useRef<number>(value ?? defaultValue);
  const on = value !== null && value !== undefined;
  const testId = rest['data-testid'];
  return (
    <Space size={10} align="center">
      <Switch
        size="small"
        checked={on}
        aria-label={rest['aria-label']}
        data-testid={testId ? `${testId}-switch` : undefined}
        onChange={(checked) => onChange?.(checked ? remembered.current : null)}
      />
      <InputNumber
        id={id}
        data-testid={testId}
        disabled={!on}
        value={on ? value : null}
        placeholder={offText ?? t('ui.common.off')}
        min={min}
        max={max}
        step={step}
        suffix={on ? suffix : undefined}
        style={{ width: 170 }}
        onChange={(next) => {
          if (typeof next === 'number') remembered.current = next;
          onChange?.(typeof next === 'number' ? next : null);
        }}
      />
    </Space>
  );
}
