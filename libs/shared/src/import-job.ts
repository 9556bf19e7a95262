/** Where an import job stands. QUEUED → VALIDATING → IMPORTING → SUCCEEDED; REJECTED (errors found), FAILED (crash, restart, fault). */
export enum ImportJobStatus {
  QUEUED = 'QUEUED',
  VALIDATING = 'VALIDATING',
  IMPORTING = 'IMPORTING',
  FAILED = 'FAILED',
  SUCCEEDED = 'SUCCEEDED',
  REJECTED = 'REJECTED',
}

/** The statuses of a job still at work (the SPA polls while a job is in one of them). */
export const ACTIVE_IMPORT_STATUSES: readonly ImportJobStatus[] = [ImportJobStatus.QUEUED, ImportJobStatus.VALIDATING, ImportJobStatus.IMPORTING];

export enum ImportFileFormat {
  XLSX = 'XLSX',
  CSV = 'CSV',
}

/** An import job as the /files/imports routes answer it (API and SPA). */
export interface ImportJobView {
  id: string;
  status: ImportJobStatus;
  fileName: string;
  fileFormat: ImportFileFormat;
  checksum: string;
  sizeBytes: number;
  totalRows: number | null;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  errorCount: number;
  errorRowCount: number;
  /** errors kept for display and the errors file (the first ones, up to the job's limit) */
  storedErrorCount: number;
  failureReason: string | null;
  createdByName: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
