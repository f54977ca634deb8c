/**
 * Looks at a file's bytes before any parser does: legacy .xls and password-protected workbooks
 * (both OLE2 containers), files that are not spreadsheets at all, and zip bombs (zip-guard.ts).
 * Every refusal says, in Bahasa Indonesia, what is wrong and what to do.
 */
import { ImportFileError } from './errors';
import { MergeScanner, type MergeRange } from './merges';
import { declaredVerdict, inflatedVerdict, zipEntries, type ZipEntry } from './zip-guard';

/** An .xlsx also brings each worksheet's merged ranges, by entry name ("xl/worksheets/sheet1.xml"). */
export type FileKind = { kind: 'xlsx'; entries: ZipEntry[]; merges: Map<string, MergeRange[]> } | { kind: 'csv' };

export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const RESAVE =
  'Buka berkas di Excel, pilih File > Save As (Simpan Sebagai), jenis "Excel Workbook (*.xlsx)", lalu impor berkas .xlsx itu. ' +
  'Di LibreOffice: File > Save As, jenis "Excel 2007-365 (.xlsx)".';
const CORRUPT = 'Berkas rusak: isi arsipnya tidak utuh. Coba buka di Excel dan simpan ulang sebagai .xlsx, atau minta kabupaten/kota mengirim ulang.';
const TOO_BIG =
  'Berkas ditolak: isinya jauh terlalu besar untuk sebuah daftar IKM (lebih dari 500 MB setelah dibuka; kemungkinan berkas rusak atau berbahaya). Minta kabupaten/kota mengirim ulang.';

/** Decides how to read a file, or refuses it. */
export async function sniff(name: string, buf: Buffer): Promise<FileKind> {
  if (buf.length === 0) throw new ImportFileError('Berkas kosong (0 byte). Minta kabupaten/kota mengirim ulang berkasnya.');
  if (buf.length > MAX_FILE_BYTES)
    throw new ImportFileError(`Berkas terlalu besar (${Math.round(buf.length / 1048576)} MB; paling besar 200 MB). Bagi menjadi beberapa berkas.`);
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) {
    // OLE2: either Excel 97–2003 (.xls), or an encrypted (password-protected) Office 2007+ file.
    if (buf.includes(Buffer.from('EncryptionInfo', 'utf16le')) || buf.includes(Buffer.from('EncryptedPackage', 'utf16le')))
      throw new ImportFileError(
        'Berkas dilindungi kata sandi (terenkripsi). Buka di Excel dengan kata sandinya, hapus kata sandi (File > Info > Protect Workbook > Encrypt with Password, kosongkan), simpan sebagai .xlsx, lalu impor lagi.',
      );
    throw new ImportFileError(`Format Excel lama (.xls, Excel 97–2003) atau berkas berkata sandi tidak dapat dibaca. ${RESAVE}`);
  }
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) {
    const entries = zipEntries(buf);
    if (!entries) throw new ImportFileError(CORRUPT);
    if (entries.some((e) => e.name === 'word/document.xml'))
      throw new ImportFileError('Berkas ini dokumen Word, bukan lembar kerja Excel. Salin tabelnya ke Excel dan simpan sebagai .xlsx.');
    if (entries.some((e) => e.name === 'ppt/presentation.xml'))
      throw new ImportFileError('Berkas ini presentasi PowerPoint, bukan lembar kerja Excel. Salin tabelnya ke Excel dan simpan sebagai .xlsx.');
    if (entries.some((e) => e.name === 'content.xml' || e.name === 'mimetype') && !entries.some((e) => e.name === 'xl/workbook.xml'))
      throw new ImportFileError(`Berkas ini format OpenDocument (.ods), bukan .xlsx. ${RESAVE}`);
    if (!entries.some((e) => e.name === 'xl/workbook.xml'))
      throw new ImportFileError('Berkas ini bukan lembar kerja Excel (.xlsx). Simpan data sebagai .xlsx atau .csv lalu impor lagi.');
    if (declaredVerdict(entries) === 'too-big') throw new ImportFileError(TOO_BIG);
    const scanners = new Map<string, MergeScanner>();
    const real = await inflatedVerdict(buf, entries, (entry) => {
      if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry)) return undefined;
      const scanner = new MergeScanner();
      scanners.set(entry, scanner);
      return (chunk) => scanner.push(chunk);
    });
    if (real === 'too-big') throw new ImportFileError(TOO_BIG);
    if (real === 'broken') throw new ImportFileError(CORRUPT);
    return { kind: 'xlsx', entries, merges: new Map([...scanners].map(([k, v]) => [k, v.ranges])) };
  }
  const lower = name.toLowerCase();
  if (/\.(xlsx|xlsm|xls)$/.test(lower)) throw new ImportFileError(`Berkas "${name}" bukan lembar kerja Excel yang utuh (isinya tidak dikenali). ${RESAVE}`);
  const utf16 = buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff));
  if (!utf16 && buf.subarray(0, 4096).includes(0)) throw new ImportFileError('Berkas ini berisi data biner, bukan teks CSV. Simpan ulang sebagai CSV (UTF-8) atau .xlsx.');
  if (/\.(csv|txt|tsv)$/.test(lower)) return { kind: 'csv' };
  throw new ImportFileError(`Jenis berkas "${name}" tidak dikenal. Yang dapat diimpor: .xlsx, .xlsm, .csv. ${RESAVE}`);
}
