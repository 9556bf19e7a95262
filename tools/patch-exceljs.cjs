// postinstall: two fixes to exceljs 4.4.0's streaming reader. Idempotent; fails loudly if exceljs changed.
//
// 1. lib/utils/parse-sax.js decodes each chunk of an inflated zip entry on its own, so a character of two or more
//    UTF-8 bytes that straddles two chunks turns into U+FFFD ("Phương" -> "Ph��ơng") — in a large spreadsheet, some
//    Vietnamese names come out corrupted. Patched to decode with one StringDecoder per entry, which keeps a split
//    character's bytes for the next chunk.
// 2. lib/stream/xlsx/workbook-reader.js walks the zip's entries with utils/iterate-stream, which pauses the stream
//    while an entry is handled and stops at its 'end' event. unzipper's Parse emits 'end' as soon as it has parsed
//    the end of the archive, while entries it pushed during the pause are still buffered: they are dropped. exceljs
//    writes its worksheets before xl/sharedStrings.xml and xl/workbook.xml, and copies them to a temporary file
//    (awaited) when they arrive first; if Parse reaches the end of a small file meanwhile, workbook.xml is lost and
//    the read fails ("Cannot read properties of undefined (reading 'sheets')") — now and then, depending on disk and
//    thread pool timing. Patched to read the entries with the stream's own async iterator, which delivers what is
//    buffered before it ends.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
let failed = false;

function patch(part, mark, edits) {
  let file;
  try {
    file = require.resolve(`exceljs/${part}`, { paths: [root] });
  } catch {
    return; // exceljs not installed (yet): nothing to patch
  }
  let source = fs.readFileSync(file, 'utf8');
  if (source.includes(mark)) return;
  for (const [from, to] of edits) {
    if (!source.includes(from)) {
      console.error(`[canbo] ${file} is not the exceljs 4.4.0 file this patch knows: check "${mark}" by hand`);
      failed = true;
      return;
    }
    source = source.replace(from, to);
  }
  fs.writeFileSync(file, source);
  console.log(`[canbo] patched exceljs ${part} (${mark})`);
}

patch('lib/utils/parse-sax.js', '// canbo: one StringDecoder per entry', [
  ["const {bufferToString} = require('./browser-buffer-decode');", "const {bufferToString} = require('./browser-buffer-decode');\nconst {StringDecoder} = require('string_decoder'); // canbo: one StringDecoder per entry"],
  ['const saxesParser = new SaxesParser();', "const saxesParser = new SaxesParser();\n  const decoder = new StringDecoder('utf8');"],
  ['saxesParser.write(bufferToString(chunk));', "saxesParser.write(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? decoder.write(chunk) : bufferToString(chunk));"],
]);
patch('lib/stream/xlsx/workbook-reader.js', '// canbo: no zip entry dropped', [
  ['for await (const entry of iterateStream(zip)) {', 'for await (const entry of zip) { // canbo: no zip entry dropped'],
]);
if (failed) process.exit(1);
