/**
 * Looks at a file's bytes before any parser does, and decides which reader reads it: .xlsx/.xlsm
 * laid out as Excel, LibreOffice and openpyxl write them (exceljs, streaming), legacy .xls, .ods,
 * .xlsb and unusually laid-out packages (SheetJS, read-sheetjs.ts), CSV. Refused: password-
 * protected workbooks, files that are not spreadsheets, zip bombs (zip-guard.ts), and damaged
 * files — an entry whose CRC does not match, a sheet, the shared strings or the workbook that end
 * before their closing tag (a broken download: it would import half the rows), two sheets of the
 * same name. Every refusal is a message key (shared/messages.ts, "imp.*") that says what is wrong
 * and what to do.
 */
import { ImportFileError, type Refusal } from './errors';
import { MergeScanner, type MergeRange } from './merges';
import { standardPackage } from './package-layout';
import type { LegacyFormat } from './read-sheetjs';
import { declaredVerdict, inflatedVerdict, readZipText, zipEntries, type ZipEntry } from './zip-guard';

/** An .xlsx also brings each worksheet's merged ranges, by entry name ("xl/worksheets/sheet1.xml"). */
export type FileKind =
  | { kind: 'xlsx'; entries: ZipEntry[]; merges: Map<string, MergeRange[]>; /** The package under the usual part names, when it was laid out otherwise (package-layout.ts). */ data?: Buffer }
  | { kind: 'sheetjs'; format: LegacyFormat }
  | { kind: 'csv' };

export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Parts whose end must be there: the XML closing tag each ends with. */
function closingTag(entry: string): { tag: RegExp; cut: Refusal; sheet?: true } | null {
  if (/(^|\/)worksheets\/[^/]+\.xml$/i.test(entry) || /^[^/]*sheet\d*\.xml$/i.test(entry))
    return { tag: /<\/(?:\w+:)?worksheet>\s*$/, cut: { key: 'imp.truncated.sheet', params: { part: entry } }, sheet: true };
  if (/sharedStrings\d*\.xml$/i.test(entry)) return { tag: /<\/(?:\w+:)?sst>\s*$/, cut: { key: 'imp.truncated.strings' } };
  if (/(^|\/)workbook\.xml$/i.test(entry)) return { tag: /<\/(?:\w+:)?workbook>\s*$/, cut: { key: 'imp.truncated.workbook' } };
  if (entry === 'content.xml') return { tag: /<\/office:document-content>\s*$/, cut: { key: 'imp.truncated.content' } };
  return null;
}

/** The main part of an OOXML package, through its relationships (_rels/.rels), as openpyxl finds it. */
function officeDocument(buf: Buffer, entries: ZipEntry[]): string | null {
  const rels = readZipText(buf, '_rels/.rels', entries) ?? '';
  for (const tag of rels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    if (!/officeDocument"/.test(tag) && !/\/officeDocument\b/.test(tag)) continue;
    const target = tag.match(/\sTarget="([^"]*)"/)?.[1];
    if (target) return target.replace(/^\//, '');
  }
  return null;
}

/** The sheet names of workbook.xml, to refuse two of the same name (Excel would not open it). */
function duplicateSheet(buf: Buffer, workbook: string, entries: ZipEntry[]): string | null {
  const xml = readZipText(buf, workbook, entries) ?? '';
  const seen = new Set<string>();
  for (const tag of xml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = tag.match(/\sname="([^"]*)"/)?.[1];
    if (name == null) continue;
    const key = name.toLowerCase();
    if (seen.has(key)) return name;
    seen.add(key);
  }
  return null;
}

/** Whether the package is laid out as exceljs's streaming reader expects: xl/workbook.xml, its sheets in xl/worksheets/. */
function standardLayout(buf: Buffer, entries: ZipEntry[]): boolean {
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) return false;
  const rels = readZipText(buf, 'xl/_rels/workbook.xml.rels', entries);
  if (rels == null) return false;
  for (const tag of rels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    if (!/\/worksheet"/.test(tag)) continue;
    const target = tag.match(/\sTarget="([^"]*)"/)?.[1] ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(path) || !entries.some((e) => e.name === path)) return false;
  }
  return true;
}
/** Decides how to read a file, or refuses it. */
export async function sniff(name: string, buf: Buffer): Promise<FileKind> {
  if (buf.length === 0) throw ImportFileError.of('imp.empty');
  if (buf.length > MAX_FILE_BYTES)
    throw ImportFileError.of('imp.tooLarge', { mb: Math.round(buf.length / 1048576) });
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) {
    // OLE2: either Excel 97–2003 (.xls), or an encrypted (password-protected) Office 2007+ file.
    if (buf.includes(Buffer.from('EncryptionInfo', 'utf16le')) || buf.includes(Buffer.from('EncryptedPackage', 'utf16le'))) throw ImportFileError.of('imp.protected');
    if (buf.includes(Buffer.from('Workbook', 'utf16le')) || buf.includes(Buffer.from('Book', 'utf16le'))) return { kind: 'sheetjs', format: 'xls' };
    if (buf.includes(Buffer.from('WordDocument', 'utf16le')))
      throw ImportFileError.of('imp.oldWord');
    throw ImportFileError.of('imp.notExcel');
  }
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) {
    const entries = zipEntries(buf);
    if (!entries) throw ImportFileError.of('imp.corrupt');
    if (entries.some((e) => e.name === 'word/document.xml'))
      throw ImportFileError.of('imp.word');
    if (entries.some((e) => e.name === 'ppt/presentation.xml'))
      throw ImportFileError.of('imp.powerpoint');
    const ods = entries.some((e) => e.name === 'content.xml') && !entries.some((e) => e.name === 'xl/workbook.xml');
    const main = ods ? 'content.xml' : entries.some((e) => e.name === 'xl/workbook.xml') ? 'xl/workbook.xml' : officeDocument(buf, entries);
    if (!main || !entries.some((e) => e.name === main)) throw ImportFileError.of('imp.notXlsx');
    if (declaredVerdict(entries) === 'too-big') throw ImportFileError.of('imp.tooBig');
    const scanners = new Map<string, MergeScanner>();
    /** The last bytes of each part that must end with its closing tag. */
    const tails = new Map<string, Buffer>();
    const real = await inflatedVerdict(buf, entries, (entry) => {
      const closing = closingTag(entry) ? entry : null;
      const scanner = closingTag(entry)?.sheet ? new MergeScanner() : null;
      if (scanner) scanners.set(entry, scanner);
      if (!closing && !scanner) return undefined;
      if (closing) tails.set(entry, Buffer.alloc(0));
      return (chunk) => {
        scanner?.push(chunk);
        if (closing) {
          const t = tails.get(entry)!;
          tails.set(entry, chunk.length >= 64 ? Buffer.from(chunk.subarray(-64)) : Buffer.concat([t, chunk]).subarray(-64));
        }
      };
    });
    if (real === 'too-big') throw ImportFileError.of('imp.tooBig');
    if (real === 'crc') throw ImportFileError.of('imp.crc');
    if (real === 'broken') throw ImportFileError.of('imp.corrupt');
    for (const [entry, tail] of tails) {
      const c = closingTag(entry)!;
      if (!c.tag.test(tail.toString('latin1'))) throw new ImportFileError(c.cut);
    }
    if (ods) return { kind: 'sheetjs', format: 'ods' };
    if (/\.bin$/i.test(main)) return { kind: 'sheetjs', format: 'xlsb' };
    const twice = duplicateSheet(buf, main, entries);
    if (twice != null) throw ImportFileError.of('imp.duplicateSheet', { name: twice });
    if (!standardLayout(buf, entries)) {
      const pkg = standardPackage(buf, entries, main);
      if (!pkg) throw ImportFileError.of('imp.noSheets');
      const merges = new Map<string, MergeRange[]>();
      for (const [from, to] of pkg.renamed) if (scanners.has(from)) merges.set(to, scanners.get(from)!.ranges);
      return { kind: 'xlsx', entries: zipEntries(pkg.data)!, merges, data: pkg.data };
    }
    return { kind: 'xlsx', entries, merges: new Map([...scanners].map(([k, v]) => [k, v.ranges])) };
  }
  const lower = name.toLowerCase();
  if (/\.(xlsx|xlsm|xls|xlsb|ods)$/.test(lower)) throw ImportFileError.of('imp.notWhole', { name });
  const utf16 = buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff));
  if (!utf16 && buf.subarray(0, 4096).includes(0)) throw ImportFileError.of('imp.binary');
  if (/\.(csv|txt|tsv)$/.test(lower)) return { kind: 'csv' };
  throw ImportFileError.of('imp.unknownType', { name });
}
