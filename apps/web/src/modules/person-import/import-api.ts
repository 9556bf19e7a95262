import { ACTIVE_IMPORT_STATUSES, ImportJobStatus, ImportJobView } from '@canbo/shared';
import { ApiError } from '../../shared/graphql-client';
import { httpErrorOf as errorOf } from '../../shared/download';
import { accessToken, refreshSession } from '../../shared/session';

/** An import job as GET /files/imports/:id answers it (libs/shared). */
export type ImportJob = ImportJobView;
export type ImportStatus = ImportJobStatus;
export const ACTIVE_STATUSES = ACTIVE_IMPORT_STATUSES;

export interface ImportError {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface ImportErrorPage {
  total: number;
  offset: number;
  items: ImportError[];
}

export const TEMPLATE_XLSX = '/files/import-template.xlsx';
export const TEMPLATE_CSV = '/files/import-template.csv';
export const errorsXlsxPath = (id: string) => `/files/imports/${encodeURIComponent(id)}/errors.xlsx`;


/**
 * A JSON request to a /files route with the access token, renewed once when it has expired (like GraphQL
 * requests). Failures become ApiError with the server's code, message and field errors.
 */
async function send<T>(path: string, init: RequestInit = {}): Promise<T> {
  const attempt = async (token: string | null) => {
    try {
      return await fetch(path, {
        ...init,
        credentials: 'same-origin',
        headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
      });
    } catch (error) {
      throw new ApiError('NETWORK', String((error as Error)?.message ?? error));
    }
  };
  const token = accessToken();
  let response = await attempt(token);
  if (response.status === 401) {
    const current = accessToken();
    if (current && current !== token) response = await attempt(current);
    else if (await refreshSession()) response = await attempt(accessToken());
  }
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

export function fetchImportJob(id: string): Promise<ImportJob> {
  return send(`/files/imports/${encodeURIComponent(id)}`);
}

export function fetchImportJobs(): Promise<{ items: ImportJob[] }> {
  return send('/files/imports');
}

export function fetchImportErrors(id: string, offset: number, limit: number): Promise<ImportErrorPage> {
  return send(`/files/imports/${encodeURIComponent(id)}/errors?offset=${offset}&limit=${limit}`);
}

/** POST /files/imports (multipart, field "file"): the queued job, or the file's refusal (BAD_USER_INPUT). */
export function uploadImport(file: File): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', file, file.name);
  return send('/files/imports', { method: 'POST', body: form });
}

/** Share of the job done, 0–100: validation is the first half, the import the second. */
export function progressPercent(job: Pick<ImportJob, 'status' | 'processedRows' | 'totalRows'>): number {
  if (job.status === ImportJobStatus.SUCCEEDED) return 100;
  if (job.status === ImportJobStatus.QUEUED) return 0;
  const total = Math.max(1, job.totalRows ?? 1);
  const share = Math.min(1, job.processedRows / total);
  if (job.status === ImportJobStatus.VALIDATING) return Math.floor(share * 50);
  if (job.status === ImportJobStatus.IMPORTING) return 50 + Math.floor(share * 50);
  return Math.floor(share * 100);
}
