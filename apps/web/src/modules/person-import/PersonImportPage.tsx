import { ImportJobStatus } from '@canbo/shared';
import { ArrowLeftOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Progress, Row, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useLocale } from '../../app/i18n';
import { downloadFile, formatBytes, saveBlob } from '../../shared/download';
import { detailedErrorMessage } from '../../shared/errors';
import { formatDateTime, formatNumber } from '../../shared/format';
import { ApiError } from '../../shared/graphql-client';
import { useImportErrors, useImportJob, useImportJobs, useUploadImport } from './hooks';
import { ACTIVE_STATUSES, errorsXlsxPath, ImportError, ImportJob, ImportStatus, progressPercent, TEMPLATE_CSV, TEMPLATE_XLSX } from './import-api';

const STATUS_COLORS: Record<ImportStatus, string> = {
  QUEUED: 'default',
  VALIDATING: 'processing',
  IMPORTING: 'processing',
  SUCCEEDED: 'success',
  REJECTED: 'error',
  FAILED: 'error',
};

/** Accepted by the upload (the server judges by content anyway). */
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

export function StatusTag({ status }: { status: ImportStatus }) {
  const { t } = useLocale();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="import-status">
      {t(`personImport.status.${status}`)}
    </Tag>
  );
}

function useDownload() {
  const { message } = App.useApp();
  const { t, locale } = useLocale();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (path: string, fallback: string) => {
    setBusy(path);
    try {
      const file = await downloadFile(path, fallback);
      saveBlob(file.blob, file.fileName);
    } catch (error) {
      message.error(t('personImport.downloadFailed', { reason: detailedErrorMessage(error, t, locale) }));
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

/** The errors of a rejected job: row, column, submitted value, message; server-side pages. */
function ErrorsTable({ job }: { job: ImportJob }) {
  const { t, locale } = useLocale();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const errors = useImportErrors(job.id, (page - 1) * pageSize, pageSize, job.status === ImportJobStatus.REJECTED);
  const download = useDownload();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          loading={download.busy !== null}
          onClick={() => void download.run(errorsXlsxPath(job.id), `loi-${job.fileName}.xlsx`)}
          data-testid="import-errors-download"
        >
          {t('personImport.downloadErrors')}
        </Button>
        {job.errorCount > job.storedErrorCount && (
          <Typography.Text type="secondary">{t('personImport.errorsCapped', { shown: formatNumber(job.storedErrorCount, locale) })}</Typography.Text>
        )}
      </Space>
      <Table<ImportError>
        size="small"
        data-testid="import-errors"
        rowKey={(e) => `${e.row}|${e.column}|${e.message}`}
        loading={errors.isFetching}
        dataSource={errors.data?.items ?? []}
        pagination={{
          current: page,
          pageSize,
          total: errors.data?.total ?? job.storedErrorCount,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total, [from, to]) => t('common.range', { from, to, total }),
          onChange: (p, size) => {
            setPage(size !== pageSize ? 1 : p);
            setPageSize(size);
          },
        }}
        columns={[
          { key: 'row', title: t('personImport.row'), dataIndex: 'row', width: 80, render: (row: number) => (row > 0 ? row : t('personImport.wholeFile')) },
          { key: 'column', title: t('personImport.column'), dataIndex: 'column', width: 200, render: (c: string | null) => c ?? '—' },
          {
            key: 'value',
            title: t('personImport.value'),
            dataIndex: 'value',
            width: 200,
            render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : ''),
          },
          { key: 'message', title: t('personImport.message'), dataIndex: 'message' },
        ]}
      />
    </Space>
  );
}

/** Where a job stands: progress while it runs, the summary or the errors when it has ended. */
function JobPanel({ id }: { id: string }) {
  const { t, locale } = useLocale();
  const job = useImportJob(id);
  if (job.isLoading) return <Card loading />;
  if (job.error || !job.data) {
    return <Alert type="error" showIcon title={detailedErrorMessage(job.error, t, locale)} />;
  }
  const j = job.data;
  const running = ACTIVE_STATUSES.includes(j.status);
  const n = (v: number) => formatNumber(v, locale);
  return (
    <Card
      data-testid="import-job"
      data-job-id={j.id}
      title={
        <Space wrap>
          <FileExcelOutlined />
          <span>{j.fileName}</span>
          <StatusTag status={j.status} />
        </Space>
      }
      extra={<Typography.Text type="secondary">{formatBytes(j.sizeBytes, locale)}</Typography.Text>}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {running && (
          <div data-testid="import-progress">
            <Typography.Text>
              {j.status === ImportJobStatus.QUEUED
                ? t('personImport.queued')
                : t(j.status === ImportJobStatus.VALIDATING ? 'personImport.validating' : 'personImport.importing', {
                    done: n(j.processedRows),
                    total: j.totalRows === null ? '?' : n(j.totalRows),
                  })}
            </Typography.Text>
            <Progress percent={progressPercent(j)} status="active" />
          </div>
        )}
        {j.status === ImportJobStatus.SUCCEEDED && (
          <>
            <Alert type="success" showIcon title={t('personImport.succeeded')} data-testid="import-succeeded" />
            <Row gutter={16}>
              <Col>
                <Statistic title={t('personImport.created')} value={n(j.createdCount)} data-testid="import-created" />
              </Col>
              <Col>
                <Statistic title={t('personImport.updated')} value={n(j.updatedCount)} data-testid="import-updated" />
              </Col>
              <Col>
                <Statistic title={t('personImport.unchanged')} value={n(j.unchangedCount)} data-testid="import-unchanged" />
              </Col>
            </Row>
            <Link to="/persons">{t('personImport.toList')}</Link>
          </>
        )}
        {j.status === ImportJobStatus.REJECTED && (
          <>
            <Alert
              type="error"
              showIcon
              data-testid="import-rejected"
              title={t('personImport.rejected', { errors: n(j.errorCount), rows: n(j.errorRowCount) })}
              description={t('personImport.rejectedHint')}
            />
            <ErrorsTable job={j} />
          </>
        )}
        {j.status === ImportJobStatus.FAILED && <Alert type="error" showIcon data-testid="import-failed" title={t('personImport.failed')} description={j.failureReason} />}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('personImport.checksum')}: <Typography.Text code>{j.checksum.slice(0, 16)}…</Typography.Text> · {formatDateTime(j.createdAt)}
        </Typography.Text>
      </Space>
    </Card>
  );
}

/** The user's recent imports. */
function History({ current, onOpen }: { current: string | null; onOpen: (id: string) => void }) {
  const { t, locale } = useLocale();
  const jobs = useImportJobs();
  return (
    <Card title={t('personImport.history')}>
      <Table<ImportJob>
        size="small"
        data-testid="import-history"
        rowKey="id"
        loading={jobs.isLoading}
        dataSource={jobs.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('personImport.noHistory')} /> }}
        rowClassName={(j) => (j.id === current ? 'ant-table-row-selected' : '')}
        onRow={(j) => ({ onClick: () => onOpen(j.id), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'at', title: t('personImport.at'), render: (_, j) => formatDateTime(j.createdAt), width: 170 },
          { key: 'file', title: t('personImport.file'), dataIndex: 'fileName' },
          { key: 'status', title: t('personImport.statusTitle'), render: (_, j) => <StatusTag status={j.status} />, width: 140 },
          {
            key: 'result',
            title: t('personImport.result'),
            render: (_, j) =>
              j.status === ImportJobStatus.SUCCEEDED
                ? t('personImport.resultSucceeded', { created: formatNumber(j.createdCount, locale), updated: formatNumber(j.updatedCount, locale), unchanged: formatNumber(j.unchangedCount, locale) })
                : j.status === ImportJobStatus.REJECTED
                  ? t('personImport.resultRejected', { errors: formatNumber(j.errorCount, locale) })
                  : '',
          },
        ]}
      />
    </Card>
  );
}

/** Nhập từ Excel: the template, the upload, the job's progress, errors or summary, and the history. */
export function PersonImportPage() {
  const { t, locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const upload = useUploadImport();
  const download = useDownload();
  const open = (id: string) => setParams({ job: id });
  const refusal = upload.error
    ? upload.error instanceof ApiError && upload.error.fields.length
      ? upload.error.fields.map((f) => f.message).join(' ')
      : detailedErrorMessage(upload.error, t, locale)
    : null;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space orientation="vertical" size={4}>
        <Link to="/persons">
          <ArrowLeftOutlined /> {t('common.backToList')}
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('personImport.title')}
        </Typography.Title>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('personImport.templateTitle')} style={{ height: '100%' }}>
            <Space orientation="vertical">
              <Typography.Paragraph style={{ margin: 0 }}>{t('personImport.templateHint')}</Typography.Paragraph>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                <li>{t('personImport.rule1')}</li>
                <li>{t('personImport.rule2')}</li>
                <li>{t('personImport.rule3')}</li>
                <li>{t('personImport.rule4')}</li>
              </ul>
              <Space wrap>
                <Button
                  type="primary"
                  icon={<DownloadOutlined />}
                  loading={download.busy === TEMPLATE_XLSX}
                  onClick={() => void download.run(TEMPLATE_XLSX, 'mau-nhap-ho-so-can-bo.xlsx')}
                  data-testid="import-template"
                >
                  {t('personImport.downloadTemplate')}
                </Button>
                <Button loading={download.busy === TEMPLATE_CSV} onClick={() => void download.run(TEMPLATE_CSV, 'mau-nhap-ho-so-can-bo.csv')}>
                  {t('personImport.downloadCsvTemplate')}
                </Button>
              </Space>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('personImport.uploadTitle')} style={{ height: '100%' }}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Upload.Dragger
                accept={ACCEPT}
                multiple={false}
                showUploadList={false}
                disabled={upload.isPending}
                data-testid="import-upload"
                customRequest={({ file, onSuccess, onError }) => {
                  upload.mutate(file as File, {
                    onSuccess: (job) => {
                      onSuccess?.(job);
                      open(job.id);
                    },
                    onError: (error) => onError?.(error as Error),
                  });
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{upload.isPending ? t('personImport.uploading') : t('personImport.drop')}</p>
                <p className="ant-upload-hint">{t('personImport.dropHint')}</p>
              </Upload.Dragger>
              {refusal && <Alert type="error" showIcon role="alert" data-testid="import-refused" title={t('personImport.refused')} description={refusal} />}
            </Space>
          </Card>
        </Col>
      </Row>
      {jobId && <JobPanel key={jobId} id={jobId} />}
      <History current={jobId} onOpen={open} />
    </Space>
  );
}
