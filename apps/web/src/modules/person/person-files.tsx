import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useRef, useState } from 'react';
import { useLocale } from '../../app/i18n';
import type { PersonFilter } from '../../generated/graphql';
import { detailedErrorMessage } from '../../shared/errors';
import { formatNumber } from '../../shared/format';
import { downloadFile, formatBytes, saveBlob } from '../../shared/download';

/** The filter as the export route takes it: only the conditions set. */
function compactFilter(filter: PersonFilter): Record<string, unknown> | null {
  const set = Object.entries(filter).filter(([, v]) => v !== null && v !== undefined && v !== '');
  return set.length ? Object.fromEntries(set) : null;
}

/** GET /files/persons.xlsx with the list's filter (JSON) and reference date. */
export function personsXlsxPath(filter: PersonFilter, asOf: string | null): string {
  const params = new URLSearchParams();
  const compact = compactFilter(filter);
  if (compact) params.set('filter', JSON.stringify(compact));
  if (asOf) params.set('asOf', asOf);
  const query = params.toString();
  return `/files/persons.xlsx${query ? `?${query}` : ''}`;
}

export function form2cPath(personId: string): string {
  return `/files/persons/${encodeURIComponent(personId)}/form-2c.pdf`;
}

const PROGRESS_KEY = 'person-export';

/**
 * "Xuất Excel": the whole list with the current filters (every page, not only the one shown), downloaded with the
 * access token and saved as the server names it; progress (rows, bytes received) and failures as messages.
 */
export function PersonExportButton({ filter, asOf, disabled }: { filter: PersonFilter; asOf: string | null; disabled?: boolean }) {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const [running, setRunning] = useState(false);
  const lastShown = useRef(0);

  const run = async () => {
    setRunning(true);
    message.open({ key: PROGRESS_KEY, type: 'loading', content: t('personExport.preparing'), duration: 0 });
    try {
      let rows: number | null = null;
      const file = await downloadFile(personsXlsxPath(filter, asOf), 'danh-sach-can-bo.xlsx', {
        onProgress: ({ received, count }) => {
          rows = count;
          const now = Date.now();
          if (received > 0 && now - lastShown.current < 250) return;
          lastShown.current = now;
          message.open({
            key: PROGRESS_KEY,
            type: 'loading',
            duration: 0,
            content: t('personExport.progress', { count: formatNumber(count ?? 0, locale), size: formatBytes(received, locale) }),
          });
        },
      });
      saveBlob(file.blob, file.fileName);
      message.open({ key: PROGRESS_KEY, type: 'success', content: t('personExport.done', { count: formatNumber(rows ?? 0, locale) }), duration: 4 });
    } catch (error) {
      message.open({ key: PROGRESS_KEY, type: 'error', content: t('personExport.failed', { reason: detailedErrorMessage(error, t, locale) }), duration: 8 });
    } finally {
      setRunning(false);
    }
  };

  return (
    <Tooltip title={t('personExport.xlsxHint')}>
      <Button
        icon={<FileExcelOutlined />}
        loading={running}
        disabled={disabled}
        onClick={() => void run()}
        data-testid="person-export-xlsx"
        // the filter the export will send (its unit), for tests to wait until a changed filter has reached the button
        data-filter-unit={filter.unitId ?? ''}
      >
        {running ? t('personExport.exporting') : t('personExport.xlsx')}
      </Button>
    </Tooltip>
  );
}

/** "In mẫu 2C": the person's form 2C-BNV/2008 as a PDF (A4) from their file as it stands today, downloaded. */
export function Form2CButton({ personId, fullName }: { personId: string; fullName: string }) {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    try {
      const file = await downloadFile(form2cPath(personId), `so-yeu-ly-lich-2c-${fullName}.pdf`);
      saveBlob(file.blob, file.fileName);
      message.success(t('personExport.form2cDone'));
    } catch (error) {
      message.error(t('personExport.failed', { reason: detailedErrorMessage(error, t, locale) }), 8);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Tooltip title={t('personExport.form2cHint')}>
      <Button icon={<PrinterOutlined />} loading={running} onClick={() => void run()} data-testid="person-form-2c">
        {t('personExport.form2c')}
      </Button>
    </Tooltip>
  );
}
