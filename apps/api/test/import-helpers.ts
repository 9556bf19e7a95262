import * as ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, ImportField } from '../src/modules/person-import/import-parse';

/** Helpers of the import tests: spreadsheets built with exceljs, the upload, the polling of a job. */

export type CellInput = string | number | Date | null | { formula: string; result?: string | number };
export type RowInput = Partial<Record<ImportField, CellInput>>;

export const HEADERS = IMPORT_COLUMNS.map((c) => c.header);

/** A person row of the commune officer's unit, with overrides. */
export function personRow(n: number, overrides: RowInput = {}): RowInput {
  return {
    fullName: `Trần Văn Nhập ${String.fromCharCode(65 + (n % 26))}`,
    gender: n % 2 ? 'Nữ' : 'Nam',
    birthDate: `${String(1 + (n % 28)).padStart(2, '0')}/05/1985`,
    nationalId: `0791850${String(n).padStart(5, '0')}`,
    ethnicity: 'Kinh',
    religion: 'Không',
    hometown: 'Xã Mỹ Đức, tỉnh An Giang',
    permanentResidence: 'Ấp Mỹ Hòa, xã Mỹ Đức',
    phone: '0912345678',
    email: `nhap${n}@angiang.gov.vn`,
    unit: 'Xã Mỹ Đức',
    body: 'Ủy ban nhân dân xã Mỹ Đức',
    staffCategory: 'Công chức',
    jobPosition: 'Công chức Văn phòng - Thống kê',
    qualificationLevel: 'Đại học',
    politicalTheoryLevel: 'Trung cấp',
    startDate: '01/07/2025',
    ...overrides,
  };
}

export interface WorkbookOptions {
  headers?: (string | null)[];
  sheetName?: string;
  /** extra sheets before the data sheet */
  before?: { name: string; state?: 'visible' | 'hidden' | 'veryHidden' }[];
  merge?: string;
  /** raw cells appended to each row after the template's columns */
  extra?: CellInput[];
}

/** An XLSX of rows under the template's headers (or given headers). */
export async function xlsx(rows: RowInput[], options: WorkbookOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of options.before ?? []) wb.addWorksheet(s.name, { state: s.state ?? 'visible' }).addRow(['ghi chú']);
  const ws = wb.addWorksheet(options.sheetName ?? 'Danh sách');
  const headers = options.headers ?? HEADERS;
  ws.addRow(headers);
  for (const r of rows) {
    const values = IMPORT_COLUMNS.map((c) => r[c.key] ?? null);
    const row = ws.addRow([...values, ...(options.extra ?? [])]);
    IMPORT_COLUMNS.forEach((c, i) => {
      const v = r[c.key];
      if (v instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  if (options.merge) ws.mergeCells(options.merge);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A large XLSX written with exceljs's streaming writer (for the crash test and the benchmark). */
export async function bigXlsx(count: number, row: (i: number) => RowInput): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const { Writable } = await import('node:stream');
  const sink = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(HEADERS).commit();
  for (let i = 0; i < count; i++) {
    const r = row(i);
    ws.addRow(IMPORT_COLUMNS.map((c) => r[c.key] ?? null)).commit();
  }
  await ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** A CSV (UTF-8 with BOM) of rows under the template's headers. */
export function csv(rows: RowInput[], delimiter = ','): Buffer {
  const quote = (v: CellInput | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /["\n\r,;]/u.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [HEADERS.map((h) => quote(h)).join(delimiter), ...rows.map((r) => IMPORT_COLUMNS.map((c) => quote(r[c.key])).join(delimiter))];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

export interface JobView {
  id: string;
  status: string;
  fileName: string;
  checksum: string;
  totalRows: number | null;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  errorCount: number;
  errorRowCount: number;
  failureReason: string | null;
}

export async function upload(baseUrl: string, token: string, content: Buffer, fileName = 'ho-so.xlsx'): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), fileName);
  const res = await fetch(`${baseUrl}/files/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body };
}

export async function getJson(baseUrl: string, token: string, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json().catch(() => null) };
}

const ACTIVE = ['QUEUED', 'VALIDATING', 'IMPORTING'];

/** Polls a job until it has finished (SUCCEEDED, REJECTED or FAILED). */
export async function waitForJob(baseUrl: string, token: string, id: string, timeoutMs = 60_000): Promise<JobView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await getJson(baseUrl, token, `/files/imports/${id}`);
    if (status !== 200) throw new Error(`GET job ${id}: HTTP ${status} ${JSON.stringify(body)}`);
    if (!ACTIVE.includes(body.status)) return body;
    if (Date.now() > until) throw new Error(`job ${id} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Uploads and waits for the end of the job; throws when the upload itself is refused. */
export async function importFile(baseUrl: string, token: string, content: Buffer, fileName = 'ho-so.xlsx'): Promise<JobView> {
  const res = await upload(baseUrl, token, content, fileName);
  if (res.status !== 202) throw new Error(`upload refused: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return waitForJob(baseUrl, token, res.body.id);
}
