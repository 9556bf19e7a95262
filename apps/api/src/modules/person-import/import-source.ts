/**
 * The rows of an uploaded file, streamed: XLSX through exceljs's streaming WorkbookReader (rows are read one
 * at a time, never the whole sheet), CSV through CsvReader fed in chunks of decoded UTF-8. Memory stays
 * bounded by the file itself (at most the upload limit) and exceljs's shared strings.
 */
import * as ExcelJS from 'exceljs';
import { normalizeText } from '@canbo/shared';
import { Readable } from 'node:stream';
import { Cell, CsvReader, csvCell, toCell } from './import-parse';

export interface SourceRow {
  /** the row's number as the user sees it (Excel row number; CSV record number; the header is 1) */
  number: number;
  cells: Cell[];
}

export class UnreadableFileError extends Error {}

const CSV_CHUNK = 64 * 1024;

/** Rows of a CSV file (UTF-8, optional BOM). */
export async function* csvRows(buf: Buffer): AsyncGenerator<SourceRow> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = new CsvReader();
  let start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let number = 0;
  const emit = function* (records: string[][]) {
    for (const r of records) yield { number: ++number, cells: r.map(csvCell) };
  };
  while (start < buf.length) {
    const end = Math.min(buf.length, start + CSV_CHUNK);
    let text: string;
    try {
      text = decoder.decode(buf.subarray(start, end), { stream: end < buf.length });
    } catch {
      throw new UnreadableFileError('utf8');
    }
    yield* emit(reader.push(text));
    start = end;
    // let other work run between chunks
    await new Promise<void>((r) => setImmediate(r));
  }
  yield* emit(reader.end());
}

function sheetKey(name: string): string {
  return normalizeText(name).toLocaleLowerCase('vi');
}

/**
 * Rows of the data sheet of an XLSX (`sheetName`, as found by inspectXlsx). Values come from exceljs: text,
 * numbers, dates (cells with a date format), formulas ({ formula, result }), errors.
 */
export async function* xlsxRows(buf: Buffer, sheetName: string): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as { name?: string; [Symbol.asyncIterator](): AsyncGenerator<ExcelJS.Row> };
      if (found || sheetKey(ws.name ?? '') !== sheetKey(sheetName)) {
        // read to its end: exceljs deletes a sheet's temporary file as soon as the next one is asked for, and a read
        // stream it opened on that file would then emit an unhandled ENOENT 'error' (the process would crash)
        for await (const _row of ws) void _row;
        continue;
      }
      found = true;
      let count = 0;
      for await (const row of ws) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
        yield { number: row.number, cells };
        if (++count % 500 === 0) await new Promise<void>((r) => setImmediate(r));
      }
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(String((error as Error)?.message ?? error));
  }
  if (!found) throw new UnreadableFileError('no data sheet');
}

/** The rows of a file of either format. */
export function sourceRows(buf: Buffer, format: 'XLSX' | 'CSV', sheetName: string | null): AsyncGenerator<SourceRow> {
  return format === 'CSV' ? csvRows(buf) : xlsxRows(buf, sheetName ?? '');
}
