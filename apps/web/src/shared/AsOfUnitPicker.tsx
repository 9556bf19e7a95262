import { DatePicker, Select, Space, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { foldedFilter } from '../modules/person/hooks';
import { DATE_FORMAT, toIsoDate } from './format';

export interface AsOfUnitPickerProps {
  /** test ids `${testIdPrefix}-as-of` and `${testIdPrefix}-unit` */
  testIdPrefix: string;
  asOfLabel: string;
  unitLabel: string;
  /** the reference date (ISO), possibly invalid (from the URL) */
  asOf: string;
  invalid: boolean;
  onAsOf: (iso: string | null) => void;
  disabledDate?: (d: Dayjs) => boolean;
  unit: string;
  onUnit: (value: string) => void;
  unitOptions: { value: string; label: string }[];
  unitLoading: boolean;
  /** a caller of one unit cannot choose another */
  unitLocked: boolean;
}

/** The reference date (dd/mm/yyyy) and unit (searchable without diacritics) of the report pages. */
export function AsOfUnitPicker(p: AsOfUnitPickerProps) {
  return (
    <>
      <Space orientation="vertical" size={2}>
        <Typography.Text type="secondary">{p.asOfLabel}</Typography.Text>
        <DatePicker
          data-testid={`${p.testIdPrefix}-as-of`}
          aria-label={p.asOfLabel}
          format={DATE_FORMAT}
          allowClear={false}
          status={p.invalid ? 'error' : undefined}
          disabledDate={p.disabledDate}
          value={dayjs(p.asOf, 'YYYY-MM-DD', true).isValid() ? dayjs(p.asOf) : null}
          onChange={(v) => p.onAsOf(toIsoDate(v))}
          style={{ width: 170 }}
        />
      </Space>
      <Space orientation="vertical" size={2}>
        <Typography.Text type="secondary">{p.unitLabel}</Typography.Text>
        <Select
          data-testid={`${p.testIdPrefix}-unit`}
          aria-label={p.unitLabel}
          style={{ width: 300 }}
          showSearch={{ filterOption: foldedFilter }}
          loading={p.unitLoading}
          disabled={p.unitLocked}
          value={p.unit}
          onChange={p.onUnit}
          options={p.unitOptions}
        />
      </Space>
    </>
  );
}
