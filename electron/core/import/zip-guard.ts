/**
 * Reads a zip's central directory (without exceljs) to judge an .xlsx before any parser touches
 * it: what it holds (a workbook, a Word document…), how many entries, and how big it really is
 * uncompressed — the sizes it declares, then the sizes it actually inflates to, counted and thrown
 * away, so a zip bomb with lying headers is stopped before exceljs builds anything in memory.
 */
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number; // 0 stored, 8 deflate
  compressed: number;
  uncompressed: number;
  offset: number; // of the local file header
  crc: number; // CRC-32 of the uncompressed bytes, as the central directory records it
}

/** Limits for a district's workbook on an office laptop. */
export const ZIP_LIMITS = { maxEntries: 5000, maxUncompressedBytes: 500 * 1024 * 1024 };

const MAX32 = 0xffffffff;

/** Where the central directory starts and how many entries it lists (from the record at the tail), or null. */
function directory(buf: Buffer): { offset: number; count: number } | null {
  if (buf.length < 22) return null;
  let eocd = -1;
  for (let i = buf.length - 22, min = Math.max(0, buf.length - 65_557); i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  // Zip64: the real count and directory offset are in the zip64 EOCD record.
  if ((count === 0xffff || offset === MAX32) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z64 = Number(buf.readBigUInt64LE(eocd - 12));
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== 0x06064b50) return null;
    count = Number(buf.readBigUInt64LE(z64 + 32));
    offset = Number(buf.readBigUInt64LE(z64 + 48));
  }
  return { offset, count };
}

/** Entries from the central directory, or null. */
export function zipEntries(buf: Buffer): ZipEntry[] | null {
  const dir = directory(buf);
  if (!dir) return null;
  const count = dir.count;
  let p = dir.offset;
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const e: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      uncompressed: buf.readUInt32LE(p + 24),
      offset: buf.readUInt32LE(p + 42),
      crc: buf.readUInt32LE(p + 16),
    };
    readZip64Extra(buf, p + 46 + nameLen, extraLen, e);
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
    if (entries.length > ZIP_LIMITS.maxEntries) break; // enough to refuse; do not walk a hostile directory further
  }
  return entries;
}

/** Sizes and offset of 4 GB+ entries live in the zip64 extra field, in this order. */
function readZip64Extra(buf: Buffer, start: number, length: number, e: ZipEntry): void {
  for (let q = start; q + 4 <= start + length; ) {
    const id = buf.readUInt16LE(q);
    const size = buf.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = () => {
        const v = r + 8 <= q + 4 + size ? Number(buf.readBigUInt64LE(r)) : MAX32;
        r += 8;
        return v;
      };
      if (e.uncompressed === MAX32) e.uncompressed = next();
      if (e.compressed === MAX32) e.compressed = next();
      if (e.offset === MAX32) e.offset = next();
      return;
    }
    q += 4 + size;
  }
}

/** The compressed bytes of one entry, located through its local header. */
function entryData(buf: Buffer, e: ZipEntry): Buffer | null {
  if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50) return null;
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  if (start + e.compressed > buf.length) return null;
  return buf.subarray(start, start + e.compressed);
}

/** One entry's bytes, inflated (at most `max`), or null. */
export function readZipBytes(buf: Buffer, name: string, entries = zipEntries(buf), max = ZIP_LIMITS.maxUncompressedBytes): Buffer | null {
  const e = entries?.find((x) => x.name === name);
  if (!e || e.uncompressed > max) return null;
  const data = entryData(buf, e);
  if (!data) return null;
  try {
    return e.method === 8 ? inflateRawSync(data, { maxOutputLength: max }) : data;
  } catch {
    return null;
  }
}

/** One small text entry (workbook.xml and its rels), or null. */
export function readZipText(buf: Buffer, name: string, entries = zipEntries(buf)): string | null {
  return readZipBytes(buf, name, entries, 20 * 1024 * 1024)?.toString('utf8') ?? null;
}

/**
 * The zip's bytes with the entries named in `first` moved to the front, in that order: a reader
 * that streams a zip from its start (exceljs) meets them before the rest. Each entry is moved
 * whole (local header, data, data descriptor); the central directory stays at the end. `added`
 * entries (stored) go in among them, ranked by `first` as well.
 */
export function zipWithFirst(buf: Buffer, entries: ZipEntry[], first: readonly string[], added: readonly { name: string; data: Buffer }[] = []): Buffer[] {
  const dir = directory(buf);
  const inFileOrder = [...entries].sort((a, b) => a.offset - b.offset);
  if (!dir || inFileOrder.some((e) => e.offset >= dir.offset || e.offset + 4 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50)) return [buf];
  const parts = inFileOrder.map((e, i) => ({ name: e.name, bytes: buf.subarray(e.offset, inFileOrder[i + 1]?.offset ?? dir.offset) }));
  for (const a of added) parts.push({ name: a.name, bytes: storedLocalEntry(a) });
  const rank = (name: string) => {
    const k = first.indexOf(name);
    return k < 0 ? first.length : k;
  };
  // A stable sort: the other entries keep their order.
  parts.sort((a, b) => rank(a.name) - rank(b.name));
  // No empty parts: an empty chunk stalls exceljs's unzipper, and the import would wait forever.
  return [buf.subarray(0, inFileOrder[0]?.offset ?? 0), ...parts.map((x) => x.bytes), buf.subarray(dir.offset)].filter((b) => b.length > 0);
}

/**
 * A stored (uncompressed) entry's local header and data, UTF-8 name: for a streaming reader,
 * which reads local entries in order (the central directory is not consulted).
 */
export function storedLocalEntry(f: { name: string; data: Buffer }): Buffer {
  const name = Buffer.from(f.name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6); // UTF-8 names
  h.writeUInt32LE(crc32(f.data) >>> 0, 14);
  h.writeUInt32LE(f.data.length, 18);
  h.writeUInt32LE(f.data.length, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name, f.data]);
}

/** 'crc': an entry inflates to bytes other than those it was written with (a damaged file). */
export type ZipVerdict = 'ok' | 'too-big' | 'broken' | 'crc';

/** What the entries declare: too many, or too big uncompressed in total. */
export function declaredVerdict(entries: ZipEntry[]): ZipVerdict {
  if (entries.length > ZIP_LIMITS.maxEntries) return 'too-big';
  const total = entries.reduce((s, e) => s + e.uncompressed, 0);
  return total > ZIP_LIMITS.maxUncompressedBytes ? 'too-big' : 'ok';
}

/**
 * Inflates every entry and counts what comes out (nothing is kept), stopping as soon as the
 * total passes the limit. Headers can lie; the inflated bytes cannot. Each entry's CRC-32 is
 * checked against the directory's: a flipped bit in a sheet would otherwise read as other values.
 * `observe` may look at an entry's bytes as they pass (the merged-cell list of a sheet), for free.
 */
export async function inflatedVerdict(buf: Buffer, entries: ZipEntry[], observe?: (name: string) => ((chunk: Buffer) => void) | undefined): Promise<ZipVerdict> {
  let total = 0;
  // A bad CRC is reported once every entry is counted: a bomb is refused as a bomb.
  let crcBad = false;
  for (const e of entries) {
    const data = entryData(buf, e);
    if (!data) return 'broken';
    const watcher = observe?.(e.name);
    if (e.method === 0) {
      total += data.length;
      watcher?.(data);
      if (crc32(data) >>> 0 !== e.crc >>> 0) crcBad = true;
    } else if (e.method === 8) {
      let crc = 0;
      const verdict = await new Promise<ZipVerdict>((resolve) => {
        const z = createInflateRaw({ chunkSize: 256 * 1024 });
        let done = false;
        const finish = (v: ZipVerdict) => {
          if (done) return;
          done = true;
          z.destroy();
          resolve(v);
        };
        z.on('data', (chunk: Buffer) => {
          total += chunk.length;
          crc = crc32(chunk, crc);
          watcher?.(chunk);
          if (total > ZIP_LIMITS.maxUncompressedBytes) finish('too-big');
        });
        z.on('end', () => finish(crc >>> 0 === e.crc >>> 0 ? 'ok' : 'crc'));
        z.on('error', () => finish('broken'));
        z.end(data);
      });
      if (verdict === 'crc') crcBad = true;
      else if (verdict !== 'ok') return verdict;
    } else return 'broken';
    if (total > ZIP_LIMITS.maxUncompressedBytes) return 'too-big';
  }
  return crcBad ? 'crc' : 'ok';
}
