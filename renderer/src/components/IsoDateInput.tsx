import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/** A calendar date held as `YYYY-MM-DD` text (the domain's IsoDate), edited with antd's picker. */
export function IsoDateInput({
  value,
  onChange,
  id,
  allowClear = true,
  ...rest
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  allowClear?: boolean;
  'data-testid'?: string;
}) {
  const parsed = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : null;
  return (
    <DatePicker
      id={id}
      data-testid={rest['data-testid']}
      value={parsed && parsed.isValid() ? parsed : null}
      format="YYYY-MM-DD"
      allowClear={allowClear}
      style={{ width: '100%', maxWidth: 220 }}
      onChange={(date) => onChange?.(date ? date.format('YYYY-MM-DD') : null)}
    />
  );
}
