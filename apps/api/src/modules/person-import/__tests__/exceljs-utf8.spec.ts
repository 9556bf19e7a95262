import * as ExcelJS from 'exceljs';
import { Readable } from 'node:stream';

/**
 * exceljs's streaming reader decoded each chunk of an inflated entry on its own, so a Vietnamese letter whose UTF-8
 * bytes straddled two chunks became U+FFFD. tools/patch-exceljs.cjs (postinstall) fixes it; these tests fail
 * without the patch.
 */
describe('UTF-8 characters split across chunks in exceljs streaming reads', () => {
  test('the XML reader keeps a character whose bytes arrive in two chunks', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const parseSax = require('exceljs/lib/utils/parse-sax') as (chunks: AsyncIterable<Buffer> | Iterable<Buffer>) => AsyncIterable<{ eventType: string; value: unknown }[]>;
    const bytes = Buffer.from('<t>Dương Ngọc Phương</t>', 'utf8');
    const cut = bytes.indexOf(Buffer.from('ư', 'utf8')) + 1; // inside the two bytes of "ư"
    let text = '';
    for await (const events of parseSax([bytes.subarray(0, cut), bytes.subarray(cut)])) {
      for (const e of events) if (e.eventType === 'text') text += String(e.value);
    }
    expect(text).toBe('Dương Ngọc Phương');
  });

  test('a large workbook of Vietnamese names reads back exactly through the streaming WorkbookReader', async () => {
    const given = ['Phương', 'Hưởng', 'Đức', 'Ngọc', 'Thủy', 'Quế', 'Ánh', 'Hằng', 'Lữ', 'Yến', 'Ơn', 'Ứng'];
    const names = Array.from({ length: 6000 }, (_, i) => `Nguyễn ${given[i % given.length]} ${given[(i * 7) % given.length]} ${i}`);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    for (const name of names) ws.addRow([name]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const read: string[] = [];
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), { sharedStrings: 'cache', worksheets: 'emit', styles: 'ignore', hyperlinks: 'ignore' } as never);
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) read.push(String(row.getCell(1).value));
    }
    expect(read.filter((s) => s.includes('\uFFFD'))).toEqual([]);
    expect(read).toEqual(names);
  });
});
