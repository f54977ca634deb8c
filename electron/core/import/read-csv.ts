/**
 * CSV as districts save it from Excel: UTF-8 with or without BOM (Windows-1252 as a fallback,
 * UTF-16 "Unicode Text" too), comma, semicolon or tab separated (detected, or named by Excel's
 * `sep=;` first line), quoted fields with line breaks.
 */
import { parseDelimited } from '../../../shared/delimited';
import { ImportFileError } from './errors';
import { MAX_CELLS_PER_ROW, MAX_ROWS, tooManyRows, type RawCell, type SheetSource } from './sheet';

function decode(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const text = new TextDecoder('utf-8').decode(buf).replace(/^\uFEFF/, '');
  if (!text.includes('\uFFFD')) return text;
  // Not UTF-8 throughout. Windows-1252 throughout (an older Excel's "CSV") reads as such; a file
  // with UTF-8 letters on some lines and other bytes on others is two files pasted together, and
  // either reading would garble some names.
  const strict = new TextDecoder('utf-8', { fatal: true });
  let utf8Letters = false;
  let firstBad = 0;
  let line = 1;
  for (let start = 0; start < buf.length; line++) {
    let end = buf.indexOf(10, start);
    if (end < 0) end = buf.length;
    const bytes = buf.subarray(start, end);
    if (bytes.some((b) => b >= 0x80)) {
      try {
        strict.decode(bytes);
        utf8Letters = true;
      } catch {
        firstBad ||= line;
      }
    }
    if (utf8Letters && firstBad) break;
    start = end + 1;
  }
  if (utf8Letters && firstBad)
    throw ImportFileError.of('imp.mixedEncoding', { line: firstBad });
  return new TextDecoder('windows-1252').decode(buf);
}

/** The separator that splits the first lines most consistently (outside quotes). */
export function detectDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  let best = ',';
  let bestScore = -1;
  for (const d of [';', ',', '\t']) {
    const counts = lines.map((l) => l.replace(/"[^"]*"/g, '').split(d).length - 1);
    const max = Math.max(0, ...counts);
    const score = counts.filter((c) => c === max && c > 0).length * max;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export function readCsv(name: string, buf: Buffer): SheetSource[] {
  let text = decode(buf);
  let delimiter: string | null = null;
  // Excel writes (and reads) a first line "sep=;" naming the separator; it is not a header.
  const sep = text.match(/^"?sep=(.)"?\r?\n/i);
  let skipped = 0;
  if (sep) {
    delimiter = sep[1]!;
    text = text.slice(sep[0].length);
    skipped = 1;
  }
  const rows = parseDelimited(text, delimiter ?? detectDelimiter(text), { maxCellsPerRow: MAX_CELLS_PER_ROW });
  if (rows.length > MAX_ROWS) throw tooManyRows();
  const cells = (r: string[]): RawCell[] => r.map((c) => (c.trim() === '' ? null : c));
  const sheet = { name: name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''), hidden: false };
  return [{ ...sheet, workbook: [sheet], date1904: false, rows: rows.map((r, i) => ({ number: i + 1 + skipped, cells: cells(r) })) }];
}
