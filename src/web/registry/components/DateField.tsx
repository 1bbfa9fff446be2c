import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** A DatePicker whose form value is a `YYYY-MM-DD` string (no future dates). */
export function DateField({
  id,
  value,
  onChange,
  placeholder,
}: {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  placeholder?: string;
}) {
  return (
    <DatePicker
      id={id}
      style={{ width: '100%' }}
      value={value ? dayjs(value) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      disabledDate={(d) => d.isAfter(dayjs(), 'day')}
      placeholder={placeholder}
    />
  );
}
