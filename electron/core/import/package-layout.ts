/**
 * An OOXML workbook laid out other than Excel lays it out (the workbook in another folder, a sheet
 * at the archive root, absolute or "../" targets) is valid — openpyxl reads it through the
 * package's relationships — but exceljs's streaming reader knows its parts only by their usual
 * names. So the parts are found the way openpyxl finds them (_rels/.rels → the workbook → its
 * relationships) and copied, unchanged, into a small stored zip under the usual names.
 */
import { posix } from 'node:path';
import { crc32 } from 'node:zlib';
import { readZipBytes, readZipText, storedLocalEntry, type ZipEntry } from './zip-guard';

const REL = /<(?:\w+:)?Relationship\b[^>]*>/g;
const attr = (tag: string, a: string) => tag.match(new RegExp(`\\s${a}="([^"]*)"`))?.[1];

/** A target of a relationship in `base`'s folder, as a path inside the zip. */
function resolveTarget(target: string, base: string): string {
  if (target.startsWith('/')) return posix.normalize(target.slice(1));
  return posix.normalize(posix.join(posix.dirname(base), target)).replace(/^(\.\.\/)+/, '');
}

/** A zip of stored entries (no compression: it is read at once, in memory). */
function storedZip(files: { name: string; data: Buffer }[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const crc = crc32(f.data) >>> 0;
    const entry = storedLocalEntry(f);
    local.push(entry);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(f.data.length, 20);
    c.writeUInt32LE(f.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += entry.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}

const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/**
 * The package rebuilt under the usual names, with `renamed` (old part name → new) for what was
 * learnt about the parts while guarding the zip (merged ranges); null if it is not a workbook.
 */
export function standardPackage(buf: Buffer, entries: ZipEntry[], workbook: string): { data: Buffer; renamed: Map<string, string> } | null {
  const wb = readZipBytes(buf, workbook, entries);
  if (!wb) return null;
  const relsPath = posix.join(posix.dirname(workbook), '_rels', `${posix.basename(workbook)}.rels`);
  const rels = readZipText(buf, relsPath, entries) ?? '';
  const files: { name: string; data: Buffer }[] = [];
  const renamed = new Map<string, string>();
  const newRels: string[] = [];
  const overrides: string[] = [`<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>`];
  let sheets = 0;
  for (const tag of rels.match(REL) ?? []) {
    const id = attr(tag, 'Id');
    const type = attr(tag, 'Type') ?? '';
    const target = attr(tag, 'Target');
    if (!id || !target || attr(tag, 'TargetMode') === 'External') continue;
    const from = resolveTarget(target, workbook);
    const data = readZipBytes(buf, from, entries);
    if (!data) continue;
    let to: string;
    if (/\/worksheet$/.test(type)) {
      to = `worksheets/sheet${++sheets}.xml`;
      overrides.push(`<Override PartName="/xl/${to}" ContentType="${CT}.worksheet+xml"/>`);
    } else if (/\/sharedStrings$/.test(type)) {
      to = 'sharedStrings.xml';
      overrides.push(`<Override PartName="/xl/${to}" ContentType="${CT}.sharedStrings+xml"/>`);
    } else if (/\/styles$/.test(type)) {
      to = 'styles.xml';
      overrides.push(`<Override PartName="/xl/${to}" ContentType="${CT}.styles+xml"/>`);
    } else continue;
    renamed.set(from, `xl/${to}`);
    files.push({ name: `xl/${to}`, data });
    newRels.push(`<Relationship Id="${id}" Type="${type}" Target="${to}"/>`);
  }
  if (sheets === 0) return null;
  const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`, 'utf8');
  const pkg = 'http://schemas.openxmlformats.org/package/2006';
  return {
    data: storedZip([
      {
        name: '[Content_Types].xml',
        data: xml(`<Types xmlns="${pkg}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`),
      },
      { name: '_rels/.rels', data: xml(`<Relationships xmlns="${pkg}/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
      { name: 'xl/_rels/workbook.xml.rels', data: xml(`<Relationships xmlns="${pkg}/relationships">${newRels.join('')}</Relationships>`) },
      { name: 'xl/workbook.xml', data: wb },
      ...files,
    ]),
    renamed,
  };
}
