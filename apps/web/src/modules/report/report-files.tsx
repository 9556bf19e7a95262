import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useLocale } from '../../app/i18n';
import { downloadFile, saveBlob } from '../../shared/download';
import { detailedErrorMessage } from '../../shared/errors';
import { formatDate } from '../../shared/format';

export type ReportFileFormat = 'xlsx' | 'pdf';

/** GET /files/reports/situation.xlsx|pdf with the reference date and, when one is chosen, the unit. */
export function situationReportPath(format: ReportFileFormat, asOf: string, unitId: string | null): string {
  const params = new URLSearchParams({ asOf });
  if (unitId) params.set('unitId', unitId);
  return `/files/reports/situation.${format}?${params.toString()}`;
}

/** The name the file gets when the server names none: Bao-cao-tinh-hinh-doi-ngu-01-10-2025.xlsx. */
function fallbackName(format: ReportFileFormat, asOf: string): string {
  return `Bao-cao-tinh-hinh-doi-ngu-${formatDate(asOf).replace(/\//g, '-')}.${format}`;
}

/** "Xuất Excel" and "Xuất PDF" of the situation report as shown (date, unit), downloaded with the access token. */
export function ReportExportButtons({ asOf, unitId, disabled }: { asOf: string; unitId: string | null; disabled?: boolean }) {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const [running, setRunning] = useState<ReportFileFormat | null>(null);

  const run = async (format: ReportFileFormat) => {
    setRunning(format);
    try {
      const file = await downloadFile(situationReportPath(format, asOf, unitId), fallbackName(format, asOf));
      saveBlob(file.blob, file.fileName);
      message.success(t('report.exportDone', { name: file.fileName }));
    } catch (error) {
      message.error(t('report.exportFailed', { reason: detailedErrorMessage(error, t, locale) }), 8);
    } finally {
      setRunning(null);
    }
  };

  return (
    <Space wrap>
      <Button
        icon={<FileExcelOutlined />}
        loading={running === 'xlsx'}
        disabled={disabled || (running !== null && running !== 'xlsx')}
        onClick={() => void run('xlsx')}
        data-testid="report-export-xlsx"
      >
        {t('report.exportXlsx')}
      </Button>
      <Button
        icon={<FilePdfOutlined />}
        loading={running === 'pdf'}
        disabled={disabled || (running !== null && running !== 'pdf')}
        onClick={() => void run('pdf')}
        data-testid="report-export-pdf"
      >
        {t('report.exportPdf')}
      </Button>
    </Space>
  );
}
