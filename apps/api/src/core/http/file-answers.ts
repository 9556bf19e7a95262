import type { LoggerService } from '@nestjs/common';
import type { Response } from 'express';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An ASCII stand-in of a file name for old clients: diacritics dropped, anything unsafe in a header replaced. */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .replace(/[^A-Za-z0-9 ._()-]/gu, '_');
}

/**
 * Content-Disposition with a Vietnamese file name: `filename` an ASCII stand-in, `filename*` the real name in
 * UTF-8 (RFC 6266 / RFC 5987), NFC.
 */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const nfc = name.normalize('NFC');
  const encoded = encodeURIComponent(nfc).replace(/['()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${asciiFileName(nfc)}"; filename*=UTF-8''${encoded}`;
}

/** Sends a PDF being rendered (a stream) inline; a client leaving midway is logged, not thrown. */
export async function sendPdf(res: Response, doc: Readable, fileName: string, logger: LoggerService): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', contentDisposition('inline', fileName));
  res.setHeader('Cache-Control', 'no-store');
  try {
    await pipeline(doc, res);
  } catch (error) {
    // the client went away (or the connection broke) while the PDF was being sent
    logger.warn({ msg: 'PDF not sent completely', file: fileName, error: String(error) });
  }
}
