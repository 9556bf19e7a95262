import { MASK } from '@canbo/shared';
import { pdfFlatText, pdfFontNames } from '../../../../test/pdf-text';
import { buildForm2CData, periodText, renderForm2C } from '../form-2c';
import { sampleForm2CSource } from './form-2c.sample';

function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

describe('form 2C data', () => {
  test('identity, party, levels, rank, commendations and discipline from the file; family split as the form does', () => {
    const d = buildForm2CData(sampleForm2CSource(true));
    expect(d).toMatchObject({
      fullName: 'Nguyễn Thị Ánh Tuyết',
      gender: 'Nữ',
      ethnicity: 'Khơ-me',
      religion: 'Phật giáo Hòa Hảo',
      nationalId: '089186001234',
      partyJoinedOn: '19/05/2012',
      partyConfirmedOn: '19/05/2013',
      enteredCivilServiceOn: '01/03/2010',
      currentTitles: 'Phó Chủ tịch Ủy ban nhân dân; Ủy viên Ban Chấp hành nhiệm kỳ 2025-2030',
      mainWork: 'Công chức Văn phòng - Thống kê',
      rank: { name: 'Chuyên viên', code: '01.003', step: '4', since: '01/03/2019' },
      qualification: 'Đại học, chuyên ngành Luật',
      politicalTheory: 'Trung cấp',
      foreignLanguages: 'Tiếng Anh B1',
      it: 'Cơ bản',
      commendations: 'Bằng khen của Chủ tịch UBND tỉnh (2023)',
      discipline: 'Khiển trách (2019)',
      managingUnit: 'Xã Mỹ Đức',
      employingBody: 'Ủy ban nhân dân xã Mỹ Đức',
      masked: false,
    });
    expect(d.family!.own.map((r) => [r.relation, r.name, r.birthYear])).toEqual([
      ['Bố', 'Nguyễn Văn Đức', '1958'],
      ['Vợ (chồng)', 'Trần Quốc Bảo', '1984'],
    ]);
    expect(d.family!.spouse.map((r) => r.relation)).toEqual(['Mẹ vợ (chồng)']);
    expect(d.salary).toEqual([
      { since: '03/2016', rank: '01.003/3', coefficient: '' },
      { since: '03/2019', rank: '01.003/4', coefficient: '' },
    ]);
    // the career: the earlier assignment ends the month before the next begins
    expect(d.career[0]).toEqual({ period: '03/2010 – 06/2025', text: 'Công chức Tư pháp - Hộ tịch, Ủy ban nhân dân xã Mỹ Phú, Xã Mỹ Phú (Công chức)' });
    expect(d.career.map((c) => c.text)).toContain('Phó Chủ tịch Ủy ban nhân dân, Xã Mỹ Đức');
    expect(d.training.map((r) => r.field)).toEqual(['Luật', 'Tin học', 'Ngoại ngữ: Tiếng Anh', 'Lý luận chính trị', 'Bồi dưỡng kỹ năng số']);
  });

  test('without personnel.read_sensitive: the sensitive values are masked and the family left out', () => {
    const d = buildForm2CData(sampleForm2CSource(false));
    for (const field of ['nationalId', 'ethnicity', 'religion', 'healthStatus', 'partyJoinedOn', 'partyConfirmedOn'] as const) {
      expect(d[field]).toBe(MASK);
    }
    expect(d.family).toBeNull();
    expect(d.masked).toBe(true);
    expect(JSON.stringify(d)).not.toContain('089186001234');
    expect(JSON.stringify(d)).not.toContain('Nguyễn Văn Đức');
  });

  test('the career as the file stands today: no period starting later, a running one until "nay", a title repeating an assignment once', () => {
    const src = sampleForm2CSource(true);
    const [earlier, current] = src.assignments;
    src.assignments = [
      earlier,
      { ...current, validTo: '2026-01-01' },
      // a change recorded ahead of its date, and the title of the same period and name as the job position
      { ...current, id: 'a3', validFrom: '2026-01-01', jobPosition: 'Chủ tịch Ủy ban nhân dân' },
    ];
    src.titleNames.set('t2', 'Chủ tịch Ủy ban nhân dân');
    src.records.push({ ...src.records[0], id: 'r-t2', titleId: 't2', validFrom: '2026-01-01' });
    src.records.push({ ...src.records[0], id: 'r-t3', titleId: 't2', validFrom: '2025-07-01', validTo: '2026-01-01' });
    const d = buildForm2CData(src);
    expect(d.career.map((c) => c.period)).not.toContain('01/2026 – nay');
    expect(d.career).toContainEqual({ period: '07/2025 – nay', text: 'Công chức Văn phòng - Thống kê, Ủy ban nhân dân xã Mỹ Đức, Xã Mỹ Đức (Công chức)' });
    // a title held today, not repeating the assignment of its period, stays
    expect(d.career).toContainEqual({ period: '07/2025 – nay', text: 'Chủ tịch Ủy ban nhân dân, Xã Mỹ Đức' });
    src.today = '2026-02-01';
    const later = buildForm2CData(src).career;
    expect(later).toContainEqual({ period: '07/2025 – 12/2025', text: 'Công chức Văn phòng - Thống kê, Ủy ban nhân dân xã Mỹ Đức, Xã Mỹ Đức (Công chức)' });
    expect(later.filter((c) => c.period === '01/2026 – nay').map((c) => c.text)).toEqual(['Chủ tịch Ủy ban nhân dân, Ủy ban nhân dân xã Mỹ Đức, Xã Mỹ Đức (Công chức)']);
  });

  test('periods: the end is exclusive, an open period runs until now', () => {
    expect(periodText('2025-07-01', null)).toBe('07/2025 – nay');
    expect(periodText('2020-01-15', '2025-07-01')).toBe('01/2020 – 06/2025');
    expect(periodText('2020-01-15', '2025-07-02')).toBe('01/2020 – 07/2025');
  });
});

describe('form 2C PDF', () => {
  test('an A4 PDF with the DejaVu fonts embedded, the headings and items of the form, and the person in NFC', async () => {
    const pdf = await toBuffer(renderForm2C(buildForm2CData(sampleForm2CSource(true))));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(pdfFontNames(pdf).map((n) => n.split('+')[1])).toEqual(expect.arrayContaining(['DejaVuSerif', 'DejaVuSerif-Bold', 'DejaVuSerif-Italic']));
    // only the embedded DejaVu faces (subsets), no standard font the viewer would have to substitute
    expect(new Set(pdfFontNames(pdf).map((n) => n.replace(/^[A-Z]{6}\+/, '')))).toEqual(new Set(['DejaVuSerif', 'DejaVuSerif-Bold', 'DejaVuSerif-Italic']));
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    const text = pdfFlatText(pdf);
    for (const expected of [
      'SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC',
      'Mẫu 2C-BNV/2008',
      '1) Họ và tên khai sinh (viết chữ in hoa): NGUYỄN THỊ ÁNH TUYẾT',
      '16) Ngày vào Đảng Cộng sản Việt Nam: 19/05/2012',
      '27) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN',
      '28) TÓM TẮT QUÁ TRÌNH CÔNG TÁC',
      '30) QUAN HỆ GIA ĐÌNH',
      'Nguyễn Văn Đức',
      '31) DIỄN BIẾN QUÁ TRÌNH LƯƠNG',
      '01.003/4',
      'Phật giáo Hòa Hảo',
      'Trường Đại học Cần Thơ',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toBe(text.normalize('NFC'));
  });

  test('masked: no sensitive value in the PDF, the mask instead', async () => {
    const pdf = await toBuffer(renderForm2C(buildForm2CData(sampleForm2CSource(false))));
    const text = pdfFlatText(pdf);
    expect(text).toContain('NGUYỄN THỊ ÁNH TUYẾT');
    expect(text).toContain(`25) Số căn cước công dân (số định danh cá nhân): ${MASK}`);
    expect(text).not.toContain('089186001234');
    expect(text).not.toContain('Nguyễn Văn Đức');
    expect(text).not.toContain('Phật giáo Hòa Hảo');
    expect(text).toContain('thông tin nhạy cảm đã được che');
  });
});
