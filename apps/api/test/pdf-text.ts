import { inflateSync } from 'node:zlib';

/**
 * Just enough PDF reading for tests of the PDFs canbo writes (pdfkit): the objects, their streams (inflated when
 * FlateDecode), the embedded fonts and the text shown on the pages, decoded through each font's ToUnicode CMap.
 */
export interface PdfObject {
  id: number;
  dict: string;
  stream: Buffer | null;
}

export function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const raw = pdf.toString('latin1');
  const header = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(raw))) {
    const id = Number(m[1]);
    const start = header.lastIndex;
    let end = raw.indexOf('endobj', start);
    const streamAt = raw.indexOf('stream', start);
    let dict = raw.slice(start, end);
    let stream: Buffer | null = null;
    if (streamAt >= 0 && streamAt < end) {
      dict = raw.slice(start, streamAt);
      let dataStart = streamAt + 'stream'.length;
      if (raw[dataStart] === '\r') dataStart++;
      if (raw[dataStart] === '\n') dataStart++;
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const data = pdf.subarray(dataStart, dataStart + length);
      stream = dict.includes('/FlateDecode') ? inflateSync(data) : data;
      end = raw.indexOf('endobj', dataStart + length);
    }
    objects.set(id, { id, dict, stream });
    header.lastIndex = end;
  }
  return objects;
}

/** The base names of the fonts the PDF declares (e.g. "ABCDEF+DejaVuSerif-Bold"). */
export function pdfFontNames(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/BaseFont \/([A-Za-z0-9+_-]+)/g)].map((m) => m[1]);
}

/** Parses a ToUnicode CMap (bfchar and bfrange, as pdfkit writes them) into code -> text. */
function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexText = (hex: string) => {
    const units = hex.trim().split(/\s+/).flatMap((h) => h.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const line of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[^>]*>)/g)) {
      const from = parseInt(line[1], 16);
      const to = parseInt(line[2], 16);
      if (line[3].startsWith('[')) {
        const items = [...line[3].matchAll(/<([^>]*)>/g)].map((x) => x[1]);
        items.forEach((hex, i) => map.set(from + i, hexText(hex)));
      } else {
        const base = parseInt(line[3].slice(1, -1), 16);
        for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(base + c - from));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const line of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F ]+)>/g)) map.set(parseInt(line[1], 16), hexText(line[2]));
  }
  return map;
}

/**
 * The text of every page, in drawing order: each show-text operation (Tj / TJ) decoded with the CMap of the font
 * selected by the last Tf; pieces on one line (text matrix y within 4 points) joined as they are (table cells of a
 * row run together), a new line otherwise. NFC.
 */
export function pdfText(pdf: Buffer): string {
  const objects = pdfObjects(pdf);
  const dictText = [...objects.values()].map((o) => o.dict).join('\n');
  // /F1 12 0 R in the page resources: font resource name -> font object -> ToUnicode stream
  const cmaps = new Map<string, Map<number, string>>();
  for (const m of dictText.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = objects.get(Number(m[2]));
    const toUnicode = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
    const cmap = toUnicode && objects.get(Number(toUnicode[1]))?.stream;
    if (cmap) cmaps.set(m[1], parseCmap(cmap.toString('latin1')));
  }
  const pages: string[] = [];
  for (const o of objects.values()) {
    if (!o.stream || !/\bBT\b/.test(o.stream.toString('latin1'))) continue;
    const content = o.stream.toString('latin1');
    let cmap: Map<number, string> | undefined;
    let y: number | null = null;
    let out = '';
    const tokens = /\/(F\d+)\s+[\d.]+\s+Tf|[\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ ([\d.-]+) Tm|\[((?:[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
    const decode = (hex: string) => (hex.match(/.{4}/g) ?? []).map((code) => cmap?.get(parseInt(code, 16)) ?? '').join('');
    for (const t of content.matchAll(tokens)) {
      if (t[1]) cmap = cmaps.get(t[1]);
      else if (t[2] !== undefined) {
        // fonts of one line differ a little in ascent: a new line is a jump of more than a few points
        if (y !== null && Math.abs(Number(t[2]) - y) > 4) out += '\n';
        y = Number(t[2]);
      } else if (t[3] !== undefined) out += [...t[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => decode(x[1])).join('');
      else if (t[4] !== undefined) out += decode(t[4]);
    }
    pages.push(out);
  }
  return pages.join('\n').normalize('NFC');
}

/** pdfText with every run of white space (line ends included) as one space: for searching phrases that wrap. */
export function pdfFlatText(pdf: Buffer): string {
  return pdfText(pdf).replace(/\s+/g, ' ');
}
