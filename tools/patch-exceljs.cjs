// postinstall: exceljs 4.4.0's streaming XML reader decodes each chunk of an inflated zip entry on its own, so a
// character of two or more UTF-8 bytes that straddles two chunks turns into U+FFFD ("Phương" -> "Ph��ơng") — in a
// large spreadsheet, some Vietnamese names come out corrupted. This patch makes it decode with one StringDecoder per
// entry, which keeps a split character's bytes for the next chunk. Idempotent; fails loudly if exceljs changed.
const fs = require('node:fs');
const path = require('node:path');

let file;
try {
  file = require.resolve('exceljs/lib/utils/parse-sax.js', { paths: [path.resolve(__dirname, '..')] });
} catch {
  process.exit(0); // exceljs not installed (yet): nothing to patch
}
const source = fs.readFileSync(file, 'utf8');
const MARK = '// canbo: one StringDecoder per entry';
if (source.includes(MARK)) process.exit(0);
const ORIGINAL = 'saxesParser.write(bufferToString(chunk));';
if (!source.includes(ORIGINAL)) {
  console.error(`[canbo] ${file} is not the exceljs 4.4.0 parse-sax this patch knows: check the UTF-8 chunk decoding by hand`);
  process.exit(1);
}
const patched = source
  .replace(
    "const {bufferToString} = require('./browser-buffer-decode');",
    "const {bufferToString} = require('./browser-buffer-decode');\nconst {StringDecoder} = require('string_decoder'); " + MARK,
  )
  .replace('const saxesParser = new SaxesParser();', "const saxesParser = new SaxesParser();\n  const decoder = new StringDecoder('utf8');")
  .replace(ORIGINAL, "saxesParser.write(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? decoder.write(chunk) : bufferToString(chunk));");
fs.writeFileSync(file, patched);
console.log('[canbo] patched exceljs parse-sax (UTF-8 characters split across chunks)');
