import fs from 'node:fs';
import path from 'node:path';

const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The fonts embedded in printed documents (DejaVu Serif: every Vietnamese letter, close to the Times of paper forms). */
export const PDF_FONTS = {
  regular: path.join(FONT_DIR, 'DejaVuSerif.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSerif-Bold.ttf'),
  italic: path.join(FONT_DIR, 'DejaVuSerif-Italic.ttf'),
} as const;

let fontFiles: Record<keyof typeof PDF_FONTS, Buffer> | null = null;

/** The font files, read once per process. */
export function pdfFontFiles(): Record<keyof typeof PDF_FONTS, Buffer> {
  fontFiles ??= {
    regular: fs.readFileSync(PDF_FONTS.regular),
    bold: fs.readFileSync(PDF_FONTS.bold),
    italic: fs.readFileSync(PDF_FONTS.italic),
  };
  return fontFiles;
}
