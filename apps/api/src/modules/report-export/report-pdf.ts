import { formatDate } from '@canbo/shared';
import PDFDocument from 'pdfkit';
import { pdfFontFiles, PDF_FONTS } from '../../core/pdf/fonts';
import { Narrative } from './narrative';

/**
 * The situation report as a printable A4 document: the narrative (narrative.ts) set in DejaVu Serif (every
 * Vietnamese letter; the fonts of form 2C), paragraphs with a first-line indent as in an administrative text, the
 * rule versions used at the end, and a footer on every page.
 */

const MARGIN = { top: 57, bottom: 60, left: 80, right: 57 };
const BODY_SIZE = 11.5;
const nfc = (s: string) => s.normalize('NFC');

export interface SituationPdfInfo {
  /** when the document was made */
  generatedAt: Date;
  /** who asked for it */
  exportedBy: string;
}

/** "dd/mm/yyyy hh:mm", Vietnamese wall-clock time (UTC+7, no daylight saving). */
function vietnamTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${formatDate(local)} ${local.slice(11, 16)}`;
}

/** The report as a PDFKit document (a readable stream): pipe it somewhere, it is already ended. */
export function renderSituationPdf(n: Narrative, info: SituationPdfInfo, options: { compress?: boolean } = {}): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    compress: options.compress ?? true,
    bufferPages: true,
    font: PDF_FONTS.regular,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: nfc(n.title),
      Subject: nfc(n.meta.join(' — ')),
      Author: 'canbo',
      Creator: 'canbo',
    },
  });
  const files = pdfFontFiles();
  doc.registerFont('regular', files.regular);
  doc.registerFont('bold', files.bold);
  doc.registerFont('italic', files.italic);
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;

  doc.font('bold').fontSize(14).text(nfc(n.title), left, doc.y, { width, align: 'center' });
  doc.moveDown(0.4);
  doc.font('italic').fontSize(BODY_SIZE);
  for (const line of n.meta) doc.text(nfc(line), left, doc.y, { width, align: 'center' });
  doc.moveDown(0.4);
  const ruleY = doc.y;
  doc
    .moveTo(left + width / 2 - 60, ruleY)
    .lineTo(left + width / 2 + 60, ruleY)
    .lineWidth(0.7)
    .stroke();
  doc.moveDown(1.2);

  doc.font('bold').fontSize(BODY_SIZE + 0.5).text(nfc(n.heading), left, doc.y, { width });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(BODY_SIZE);
  for (const p of n.paragraphs) {
    // left-aligned: pdfkit justifies by placing each word, and the spaces would then be lost to copying and search
    doc.text(nfc(p), left, doc.y, { width, align: 'left', indent: 28, lineGap: 2.5, paragraphGap: 7 });
  }

  doc.moveDown(0.8);
  doc.font('bold').fontSize(BODY_SIZE).text(nfc('Căn cứ tính số liệu'), left, doc.y, { width });
  doc.moveDown(0.2);
  doc.font('regular').fontSize(BODY_SIZE - 1);
  const rules = n.rules.length ? n.rules : ['Không có quy định theo thời gian nào được áp dụng.'];
  for (const r of rules) doc.text(nfc(`- ${r}`), left + 14, doc.y, { width: width - 14, lineGap: 1.5, paragraphGap: 3 });
  doc.moveDown(0.3);
  doc
    .font('italic')
    .fontSize(BODY_SIZE - 1.5)
    .text(
      nfc(
        'Số liệu được tính trực tiếp từ hồ sơ cán bộ, công chức, viên chức và định suất đang có hiệu lực tại ngày tham chiếu, theo định nghĩa thống nhất của từng chỉ tiêu (xem tệp Excel của báo cáo, cột "Cách tính"). Tỷ lệ làm tròn đến một chữ số thập phân.',
      ),
      left,
      doc.y,
      { width },
    );

  // ---- footer on every page ----
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('italic').fontSize(7.5).fillColor('#555555');
    const note = `Báo cáo tình hình đội ngũ cán bộ cấp xã — lập từ canbo lúc ${vietnamTime(info.generatedAt)} bởi ${info.exportedBy} — trang ${i - range.start + 1}/${range.count}`;
    doc.text(nfc(note), left, doc.page.height - 34, { width, align: 'center', lineBreak: false });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.flushPages();
  doc.end();
  return doc;
}
