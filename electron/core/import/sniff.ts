/**
 * Looks at a file's bytes before any parser does: legacy .xls and password-protected workbooks
 * (both OLE2 containers), files that are not spreadsheets at all, and zip bombs — judged from the
 * zip's central directory, so nothing is decompressed to find out.
 */
import { inflateRawSync } from 'node:zlib';
import { ImportFileError } from './errors';

export type FileKind = 'xlsx' | 'csv';

/** Limits that keep the app responsive and within memory on an office laptop. */
export const LIMITS = { maxFileBytes: 200 * 1024 * 1024, maxUncompressedBytes: 600 * 1024 * 1024, maxZipEntries: 5000, maxRatio: 200 };

const RESAVE =
  'Buka berkas di Excel, pilih File > Save As (Simpan Sebagai), jenis "Excel Workbook (*.xlsx)", lalu impor berkas .xlsx itu.';

interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
  method: number;
  offset: number; // of the local file header
}

/** Entries of a zip from its central directory (End Of Central Directory record at the tail). */
function zipEntries(buf: Buffer): ZipEntry[] | null {
  const min = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const method = buf.readUInt16LE(p + 10);
    const offset = buf.readUInt32LE(p + 42);
    const compressed = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), compressed, uncompressed, method, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** One small text entry of a zip (workbook.xml and its rels), or null. */
export function readZipText(buf: Buffer, name: string): string | null {
  const e = zipEntries(buf)?.find((x) => x.name === name);
  if (!e || e.uncompressed > 20 * 1024 * 1024 || buf.readUInt32LE(e.offset) !== 0x04034b50) return null;
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  const data = buf.subarray(start, start + e.compressed);
  return (e.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

/** Decides how to read a file, or refuses it with a message that says what to do. */
export function sniff(name: string, buf: Buffer): FileKind {
  if (buf.length === 0) throw new ImportFileError('Berkas kosong (0 byte). Minta kabupaten/kota mengirim ulang berkasnya.');
  if (buf.length > LIMITS.maxFileBytes)
    throw new ImportFileError(`Berkas terlalu besar (${Math.round(buf.length / 1048576)} MB; paling besar 200 MB). Bagi menjadi beberapa berkas.`);
  const lower = name.toLowerCase();
  if (buf.readUInt32BE(0) === 0xd0cf11e0) {
    // OLE2: either Excel 97–2003, or an encrypted (password-protected) Office 2007+ file.
    if (buf.includes(Buffer.from('EncryptionInfo', 'utf16le')))
      throw new ImportFileError('Berkas dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File > Info > Protect Workbook), simpan, lalu impor lagi.');
    throw new ImportFileError(`Format Excel lama (.xls, Excel 97–2003) tidak dapat dibaca. ${RESAVE}`);
  }
  if (buf.readUInt32LE(0) === 0x04034b50) {
    const entries = zipEntries(buf);
    if (!entries) throw new ImportFileError('Berkas rusak: isi arsipnya tidak utuh. Minta kabupaten/kota mengirim ulang berkasnya.');
    if (entries.some((e) => e.name === 'word/document.xml'))
      throw new ImportFileError('Berkas ini dokumen Word, bukan lembar kerja Excel. Salin tabelnya ke Excel dan simpan sebagai .xlsx.');
    if (!entries.some((e) => e.name === 'xl/workbook.xml'))
      throw new ImportFileError('Berkas ini bukan lembar kerja Excel (.xlsx). Simpan data sebagai .xlsx atau .csv lalu impor lagi.');
    const total = entries.reduce((s, e) => s + e.uncompressed, 0);
    const worst = Math.max(...entries.map((e) => (e.compressed > 0 ? e.uncompressed / e.compressed : 0)));
    if (entries.length > LIMITS.maxZipEntries || total > LIMITS.maxUncompressedBytes || (worst > LIMITS.maxRatio && total > 50 * 1024 * 1024))
      throw new ImportFileError(
        'Berkas ditolak: isinya jauh terlalu besar untuk sebuah daftar IKM (kemungkinan berkas rusak atau berbahaya). Minta kabupaten/kota mengirim ulang.',
      );
    return 'xlsx';
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    if (buf.subarray(0, 4096).includes(0)) throw new ImportFileError('Berkas .csv ini berisi data biner, bukan teks. Simpan ulang sebagai CSV (UTF-8).');
    return 'csv';
  }
  throw new ImportFileError(`Jenis berkas "${name}" tidak dikenal. Yang dapat diimpor: .xlsx, .xlsm, .csv. ${RESAVE}`);
}
