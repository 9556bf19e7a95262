import * as ExcelJS from 'exceljs';
import { EventEmitter } from 'node:events';
import { xlsxRows } from '../import-source';

/**
 * exceljs writes xl/workbook.xml (the sheet names) after the worksheets; its streaming reader copies a worksheet
 * that arrives first to a temporary file, and meanwhile unzipper may parse the rest of a small file and end.
 * Entries pushed during that time must not be lost. Forced here: the temporary file is created only once the
 * zip parser has finished (in production: a slow disk or a busy thread pool).
 */
test('a one-row exceljs workbook is read whole even when the worksheet temp file is slow', async () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const unzipper = require('unzipper') as { Parse: (...a: unknown[]) => EventEmitter & { writableFinished: boolean } };
  const tmp = require('tmp') as { file: (cb: (...a: unknown[]) => void) => void };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const parse = unzipper.Parse;
  const tmpFile = tmp.file;
  let zip: (EventEmitter & { writableFinished: boolean }) | null = null;
  const parseSpy = jest.spyOn(unzipper, 'Parse').mockImplementation((...a: unknown[]) => (zip = parse(...a)));
  const fileSpy = jest.spyOn(tmp, 'file').mockImplementation((cb) => {
    if (!zip || zip.writableFinished) return tmpFile(cb);
    zip.once('finish', () => tmpFile(cb));
  });
  try {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Họ và tên', 'Số định danh cá nhân']);
    ws.addRow(['Nguyễn Thị Phương', '079185000001']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const rows: unknown[][] = [];
    for await (const r of xlsxRows(buf, 'Danh sách')) rows.push(r.cells);
    expect(fileSpy).toHaveBeenCalled();
    expect(rows).toHaveLength(2);
  } finally {
    parseSpy.mockRestore();
    fileSpy.mockRestore();
  }
});
