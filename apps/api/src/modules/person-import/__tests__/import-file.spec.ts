import * as ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { FILE_MESSAGES, inspectXlsx, sniffFormat } from '../import-file';

/** A minimal zip writer: entries deflated (or stored), with sizes that may be declared falsely. */
function zip(entries: { name: string; data: Buffer; store?: boolean; declaredSize?: number }[], garbageBefore = 0): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  if (garbageBefore) {
    parts.push(Buffer.alloc(garbageBefore, 1));
    offset += garbageBefore;
  }
  for (const e of entries) {
    const body = e.store ? e.data : deflateRawSync(e.data);
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.store ? 0 : 8, 10);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    parts.push(local, name, body);
    offset += 30 + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cdBuf, end]);
}

const WORKBOOK = (sheets: string) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`,
  );
const RELS = Buffer.from(
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
);

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const LIMITS = { maxUncompressedBytes: 50 * 1024 * 1024 };

describe('sniffing by content', () => {
  test('empty, PDF (whatever its name), old .xls, binary, non-UTF-8 text are refused; zip → XLSX; UTF-8 text → CSV', () => {
    expect(sniffFormat(Buffer.alloc(0))).toEqual({ refused: FILE_MESSAGES.empty });
    expect(sniffFormat(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toEqual({ refused: FILE_MESSAGES.pdf });
    expect(sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual({ refused: FILE_MESSAGES.xls });
    expect(sniffFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toEqual({ refused: FILE_MESSAGES.binary });
    // "Họ" in Windows-1258 is not UTF-8
    expect(sniffFormat(Buffer.from([0x48, 0x6f, 0xd2, 0x2c, 0x41, 0x0a]))).toEqual({ refused: FILE_MESSAGES.notUtf8 });
    expect(sniffFormat(zip([{ name: 'a', data: Buffer.from('x') }]))).toEqual({ format: 'XLSX' });
    expect(sniffFormat(Buffer.from('\ufeffHọ và tên,Giới tính\r\nAn,Nam\r\n'))).toEqual({ format: 'CSV' });
  });
});

describe('XLSX inspection before parsing', () => {
  test('a workbook written by exceljs passes; the data sheet is "Danh sách" and its rows are counted', async () => {
    const buf = await workbook((wb) => {
      wb.addWorksheet('Hướng dẫn').addRow(['x']);
      const ws = wb.addWorksheet('Danh sách');
      ws.addRow(['Họ và tên']);
      for (let i = 0; i < 25; i++) ws.addRow([`Người ${i}`]);
    });
    const report = await inspectXlsx(buf, LIMITS);
    expect(report.refused).toBeNull();
    expect(report.dataSheet?.name).toBe('Danh sách');
    expect(report.rowCount).toBe(26);
  });

  test('hidden sheets and merged cells in the data sheet are refused', async () => {
    const hidden = await workbook((wb) => {
      wb.addWorksheet('Danh sách').addRow(['a']);
      wb.addWorksheet('Bí mật', { state: 'hidden' }).addRow(['b']);
    });
    expect((await inspectXlsx(hidden, LIMITS)).refused).toBe(FILE_MESSAGES.hiddenSheet(['Bí mật']));
    const merged = await workbook((wb) => {
      const ws = wb.addWorksheet('Danh sách');
      ws.addRow(['a', 'b']);
      ws.addRow(['c', 'd']);
      ws.mergeCells('A2:B2');
    });
    expect((await inspectXlsx(merged, LIMITS)).refused).toBe(FILE_MESSAGES.merged('Danh sách', ['A2:B2'], 0));
  });

  test('a zip bomb is refused from its declared sizes, and a lying header from the bytes really inflated', async () => {
    const sheet = Buffer.from('<worksheet><sheetData>' + '<row r="1"/>'.repeat(10) + '</sheetData></worksheet>');
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const entries = [
      { name: 'xl/workbook.xml', data: WORKBOOK('<sheet name="Danh sách" sheetId="1" r:id="rId1"/>') },
      { name: 'xl/_rels/workbook.xml.rels', data: RELS },
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
    ];
    const honest = zip([...entries, { name: 'xl/media/zeros.bin', data: zeros }]);
    expect(honest.length).toBeLessThan(64 * 1024); // 8 MB of zeros compress to a few KB
    expect((await inspectXlsx(honest, { maxUncompressedBytes: 4 * 1024 * 1024 })).refused).toBe(FILE_MESSAGES.zipBomb(4 * 1024 * 1024));
    expect((await inspectXlsx(honest, LIMITS)).refused).toBeNull();
    const lying = zip([...entries, { name: 'xl/media/zeros.bin', data: zeros, declaredSize: 1000 }]);
    expect((await inspectXlsx(lying, LIMITS)).refused).toBe(FILE_MESSAGES.zipSizeMismatch);
  });

  test('not a workbook, broken archives and data outside the archive’s directory are refused', async () => {
    expect((await inspectXlsx(zip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]), LIMITS)).refused).toBe(FILE_MESSAGES.notWorkbook);
    const good = zip([{ name: 'xl/workbook.xml', data: WORKBOOK('<sheet name="A" sheetId="1" r:id="rId1"/>') }]);
    expect((await inspectXlsx(good.subarray(0, good.length - 30), LIMITS)).refused).toBe(FILE_MESSAGES.zipBroken);
    const smuggled = zip([{ name: 'xl/workbook.xml', data: WORKBOOK('<sheet name="A" sheetId="1" r:id="rId1"/>') }], 100);
    expect((await inspectXlsx(smuggled, LIMITS)).refused).toBe(FILE_MESSAGES.zipOdd);
    expect((await inspectXlsx(zip([{ name: 'xl/workbook.xml', data: WORKBOOK('') }]), LIMITS)).refused).toBe(FILE_MESSAGES.noSheets);
  });
});
