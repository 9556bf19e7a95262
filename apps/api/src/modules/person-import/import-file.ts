/**
 * What an uploaded file is, judged by its content (never by its name or declared type): XLSX (a zip whose
 * structure, real uncompressed sizes, sheets and merged cells are checked before any parser sees it), CSV in
 * UTF-8, or refused. No database; zlib only.
 */
import { normalizeText } from '@canbo/shared';
import { createInflateRaw } from 'node:zlib';
import { formatMb, truncate } from './person-import.errors';
import { DATA_SHEET_NAME } from './import-parse';

export type Sniffed = { format: 'XLSX' } | { format: 'CSV' } | { refused: string };

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
const ZIP_DESCRIPTOR = 0x08074b50;

export const FILE_MESSAGES = {
  empty: 'Tệp rỗng (0 byte): không có gì để nhập.',
  pdf: 'Tệp là PDF (dù tên tệp có thể là .xlsx). Chỉ nhận tệp Excel .xlsx hoặc CSV (UTF-8) theo tệp mẫu.',
  xls: 'Tệp Excel 97–2003 (.xls) không được hỗ trợ. Hãy mở bằng Excel và lưu lại dạng .xlsx.',
  binary: 'Tệp không phải Excel .xlsx hay CSV (UTF-8). Hãy dùng tệp mẫu.',
  notUtf8: 'Tệp CSV phải được lưu theo mã UTF-8 (trong Excel: "CSV UTF-8 (Comma delimited)").',
  zipBroken: 'Tệp .xlsx bị hỏng (cấu trúc nén không đọc được). Hãy mở bằng Excel và lưu lại.',
  zipOdd: 'Tệp .xlsx có cấu trúc nén bất thường (dữ liệu ngoài danh mục tệp nén). Hãy mở bằng Excel và lưu lại.',
  zipEncrypted: 'Tệp .xlsx được đặt mật khẩu hoặc mã hóa. Hãy bỏ mật khẩu rồi tải lên lại.',
  zipMethod: 'Tệp .xlsx dùng kiểu nén không được hỗ trợ. Hãy mở bằng Excel và lưu lại.',
  zipTooManyEntries: 'Tệp .xlsx có quá nhiều thành phần bên trong.',
  zipBomb: (limit: number) =>
    `Tệp .xlsx khi giải nén vượt quá ${formatMb(limit)} (nghi là "bom nén" hoặc tệp quá lớn). Hãy chia nhỏ tệp.`,
  zipSizeMismatch: 'Tệp .xlsx khai báo sai kích thước các thành phần (nghi là "bom nén"). Tệp bị từ chối.',
  notWorkbook: 'Tệp nén không phải sổ tính Excel (.xlsx). Hãy dùng tệp mẫu.',
  noSheets: 'Sổ tính không có trang tính nào.',
  hiddenSheet: (names: string[]) =>
    `Tệp có trang tính bị ẩn (${names.map((n) => `"${truncate(n, 40)}"`).join(', ')}). Hãy hiện hoặc xóa trang tính ẩn rồi tải lên lại: dữ liệu không được để ở nơi không nhìn thấy.`,
  merged: (sheet: string, ranges: string[], more: number) =>
    `Trang tính "${truncate(sheet, 40)}" có ô gộp (${ranges.join(', ')}${more ? ` và ${more} vùng khác` : ''}). Hãy bỏ gộp ô (Merge & Center) để mỗi ô một giá trị.`,
};

/** The file's kind from its first bytes (and, for text, its whole content). */
export function sniffFormat(buf: Buffer): Sniffed {
  if (buf.length === 0) return { refused: FILE_MESSAGES.empty };
  if (buf.length >= 4 && buf.readUInt32LE(0) === ZIP_LOCAL) return { format: 'XLSX' };
  if (buf.length >= 4 && buf.readUInt32LE(0) === ZIP_END) return { refused: FILE_MESSAGES.notWorkbook };
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return { refused: FILE_MESSAGES.pdf };
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return { refused: FILE_MESSAGES.xls };
  }
  // text: no NUL or other control characters than tab, CR, LF (and form feed); valid UTF-8
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return { refused: FILE_MESSAGES.binary };
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return { refused: FILE_MESSAGES.notUtf8 };
  }
  return { format: 'CSV' };
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  /** where the entry's data starts (after the local header) */
  dataOffset: number;
}

export interface XlsxLimits {
  maxUncompressedBytes: number;
  maxEntries?: number;
}

export interface XlsxSheet {
  name: string;
  state: string;
  /** the part, e.g. xl/worksheets/sheet1.xml */
  path: string | null;
}

export interface XlsxReport {
  /** null when accepted */
  refused: string | null;
  sheets: XlsxSheet[];
  dataSheet: XlsxSheet | null;
  /** `<row>` elements of the data sheet (the header included) */
  rowCount: number;
}

class ZipRefusal extends Error {}

/** The central directory of a zip (refuses zip64, encryption, odd layouts: the archive must be plain). */
export function readZipDirectory(buf: Buffer, maxEntries = 2000): ZipEntry[] {
  const tail = Math.max(0, buf.length - (22 + 0xffff));
  let end = -1;
  for (let i = buf.length - 22; i >= tail; i--) {
    if (buf.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipRefusal(FILE_MESSAGES.zipBroken);
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new ZipRefusal(FILE_MESSAGES.zipMethod);
  if (count > maxEntries) throw new ZipRefusal(FILE_MESSAGES.zipTooManyEntries);
  if (cdOffset + cdSize > end) throw new ZipRefusal(FILE_MESSAGES.zipBroken);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== ZIP_CENTRAL) throw new ZipRefusal(FILE_MESSAGES.zipBroken);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw new ZipRefusal(FILE_MESSAGES.zipMethod);
    }
    if (flags & 0x1 || flags & 0x40) throw new ZipRefusal(FILE_MESSAGES.zipEncrypted);
    if (method !== 0 && method !== 8) throw new ZipRefusal(FILE_MESSAGES.zipMethod);
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== ZIP_LOCAL) throw new ZipRefusal(FILE_MESSAGES.zipBroken);
    const dataOffset = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > buf.length) throw new ZipRefusal(FILE_MESSAGES.zipBroken);
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localOffset, dataOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  // A streaming reader (exceljs reads the local headers one after the other) must meet exactly these entries:
  // they follow each other from the start of the file to the central directory, with nothing in between.
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const e of sorted) {
    if (e.localOffset !== expected) throw new ZipRefusal(FILE_MESSAGES.zipOdd);
    let next = e.dataOffset + e.compressedSize;
    if (e.flags & 0x8) {
      // data descriptor: optional signature, crc, sizes
      next += next + 4 <= buf.length && buf.readUInt32LE(next) === ZIP_DESCRIPTOR ? 16 : 12;
    }
    expected = next;
  }
  if (expected !== cdOffset) throw new ZipRefusal(FILE_MESSAGES.zipOdd);
  return entries;
}

/**
 * Inflates an entry as a stream, counting the bytes really produced (a lying header cannot hide a bomb) and
 * handing each chunk to `onChunk`. Stops as soon as the entry grows past its declared size or the budget.
 */
function inflateEntry(buf: Buffer, entry: ZipEntry, budget: number, onChunk?: (chunk: Buffer) => void): Promise<number> {
  const data = buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) return Promise.reject(new ZipRefusal(FILE_MESSAGES.zipSizeMismatch));
    onChunk?.(data);
    return Promise.resolve(data.length);
  }
  return new Promise((resolve, reject) => {
    let produced = 0;
    let done = false;
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    const fail = (error: Error) => {
      if (done) return;
      done = true;
      inflater.destroy();
      reject(error);
    };
    inflater.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) return fail(new ZipRefusal(FILE_MESSAGES.zipSizeMismatch));
      if (produced > budget) return fail(new ZipRefusal('budget'));
      onChunk?.(chunk);
    });
    inflater.on('error', () => fail(new ZipRefusal(FILE_MESSAGES.zipBroken)));
    inflater.on('end', () => {
      if (done) return;
      done = true;
      if (produced !== entry.uncompressedSize) reject(new ZipRefusal(FILE_MESSAGES.zipSizeMismatch));
      else resolve(produced);
    });
    inflater.end(data);
  });
}

/** Scans XML chunks for a pattern across chunk boundaries. */
class ChunkScanner {
  private carry = '';
  constructor(private readonly onText: (text: string) => void, private readonly keep = 300) {}

  push(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1');
    this.onText(text);
    this.carry = text.slice(-this.keep);
  }
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'u').exec(tag);
  return m ? decodeXml(m[2] ?? m[3] ?? '') : null;
}

function decodeXml(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

async function entryText(buf: Buffer, entry: ZipEntry, budget: number): Promise<string> {
  const chunks: Buffer[] = [];
  await inflateEntry(buf, entry, Math.min(budget, 5 * 1024 * 1024), (c) => chunks.push(c));
  return Buffer.concat(chunks).toString('utf8');
}

/** The sheets of the workbook in order, with their state (visible, hidden, veryHidden) and part. */
function sheetsOf(workbookXml: string, relsXml: string | null): XlsxSheet[] {
  const targets = new Map<string, string>();
  for (const m of (relsXml ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/gu)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: XlsxSheet[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/gu)) {
    const rid = attr(m[0], 'r:id') ?? attr(m[0], 'id');
    sheets.push({ name: attr(m[0], 'name') ?? '', state: attr(m[0], 'state') ?? 'visible', path: rid ? (targets.get(rid) ?? null) : null });
  }
  return sheets;
}

function sheetKey(name: string): string {
  return normalizeText(name).toLocaleLowerCase('vi');
}

/**
 * Checks an XLSX before any parser reads it: a plain zip whose entries follow each other; each entry inflated
 * (streamed, never held whole) to its declared size at most, all of them together within the budget; a
 * workbook with sheets, none hidden; no merged cells in the data sheet (the sheet named "Danh sách", else the
 * first). Counts the data sheet's rows for the progress bar.
 */
export async function inspectXlsx(buf: Buffer, limits: XlsxLimits): Promise<XlsxReport> {
  const report: XlsxReport = { refused: null, sheets: [], dataSheet: null, rowCount: 0 };
  try {
    const entries = readZipDirectory(buf, limits.maxEntries);
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.maxUncompressedBytes) throw new ZipRefusal(FILE_MESSAGES.zipBomb(limits.maxUncompressedBytes));
    const byName = new Map(entries.map((e) => [e.name, e]));
    const workbook = byName.get('xl/workbook.xml');
    if (!workbook) throw new ZipRefusal(FILE_MESSAGES.notWorkbook);
    let budget = limits.maxUncompressedBytes;
    const rels = byName.get('xl/_rels/workbook.xml.rels');
    report.sheets = sheetsOf(await entryText(buf, workbook, budget), rels ? await entryText(buf, rels, budget) : null);
    if (!report.sheets.length) throw new ZipRefusal(FILE_MESSAGES.noSheets);
    const hidden = report.sheets.filter((s) => s.state !== 'visible');
    if (hidden.length) throw new ZipRefusal(FILE_MESSAGES.hiddenSheet(hidden.map((s) => s.name)));
    report.dataSheet = report.sheets.find((s) => sheetKey(s.name) === sheetKey(DATA_SHEET_NAME)) ?? report.sheets[0];
    const merged: string[] = [];
    let mergedCount = 0;
    for (const entry of entries) {
      const isData = entry.name === report.dataSheet.path;
      let onChunk: ((c: Buffer) => void) | undefined;
      if (isData) {
        // counts `<row` and `<mergeCell ref=".."` across chunks: a match is counted when it ends in the new part
        let carried = 0;
        const scanner = new ChunkScanner((text) => {
          const fresh = text.length - carried;
          for (const m of text.matchAll(/<(?:\w+:)?row[\s>]/gu)) if (m.index! + m[0].length > text.length - fresh) report.rowCount++;
          for (const m of text.matchAll(/<(?:\w+:)?mergeCell\b[^>]*>/gu)) {
            if (m.index! + m[0].length <= text.length - fresh) continue;
            mergedCount++;
            if (merged.length < 5) merged.push(attr(m[0], 'ref') ?? '?');
          }
          carried = Math.min(300, text.length);
        });
        onChunk = (c) => scanner.push(c);
      }
      const produced = await inflateEntry(buf, entry, budget, onChunk).catch((error) => {
        if (error instanceof ZipRefusal && error.message === 'budget') throw new ZipRefusal(FILE_MESSAGES.zipBomb(limits.maxUncompressedBytes));
        throw error;
      });
      budget -= produced;
    }
    if (mergedCount) throw new ZipRefusal(FILE_MESSAGES.merged(report.dataSheet.name, merged, mergedCount - merged.length));
  } catch (error) {
    if (!(error instanceof ZipRefusal)) throw error;
    report.refused = error.message;
  }
  return report;
}
