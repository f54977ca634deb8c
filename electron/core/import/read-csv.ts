/**
 * CSV as districts save it from Excel: UTF-8 with or without BOM (Windows-1252 as a fallback),
 * comma, semicolon or tab separated (detected), quoted fields with line breaks.
 */
import { parseDelimited } from '../../../shared/delimited';
import { MAX_CELLS, type RawCell, type SheetData } from './sheet';
import { ImportFileError } from './errors';

function decode(buf: Buffer): string {
  const text = new TextDecoder('utf-8').decode(buf);
  const clean = text.replace(/^\uFEFF/, '');
  return clean.includes('\uFFFD') ? new TextDecoder('windows-1252').decode(buf) : clean;
}

/** The separator that splits the first lines most consistently (outside quotes). */
function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
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

export function readCsv(name: string, buf: Buffer): SheetData[] {
  const text = decode(buf);
  const rows = parseDelimited(text, detectDelimiter(text));
  if (rows.reduce((s, r) => s + r.length, 0) > MAX_CELLS) throw new ImportFileError('Berkas ditolak: lebih dari 5 juta sel. Bagi menjadi beberapa berkas.');
  const cells: RawCell[][] = rows.map((r) => r.map((c) => (c.trim() === '' ? null : c)));
  return [{ name: name.replace(/\.[^.]+$/, ''), hidden: false, rows: cells, date1904: false }];
}
