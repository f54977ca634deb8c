/**
 * One district file → candidate records and its report: opens it (refusing what cannot be read),
 * walks its worksheets row by row, skips recap, hidden and empty sheets, finds each table's
 * header, decides where rows get their district, and turns every row into a record, a refusal
 * or junk. Records are handed on one by one as they are read (the import writes them meanwhile):
 * rows are never all in memory at once, only the first rows, while looking for the header.
 */
import type { DistrictResolver } from '../../../shared/areas';
import type { IkmValues } from '../../../shared/fields';
import type { FileReport, FixedCell } from '../../../shared/import';
import { ImportCancelledError, ImportFileError } from './errors';
import { guessHeader } from './header';
import { applyOverrides, confirmMapping, headerCells, UnmappedColumns, type MappingOverrides } from './mapping';
import { mergeFiller } from './merges';
import { readRow, rowAsWritten, type RowContext } from './rows';
import { columnLetter, columnNumber, type RawCell, type SheetRow, type SheetSource } from './sheet';
import type { FileKind } from './sniff';
import { suggestDistrict } from './suggest-district';
import { HEADER_SCAN, headerOnly, headerOnlyError, openSheets, skipSheet } from './tables';

export interface FileInput {
  /** File name as the user sees it (reports use it). */
  name: string;
  /** Either a path on disk or the bytes (wizard uploads). */
  path?: string;
  data?: Buffer;
  /** BPS code for files without a district column (also used for rows whose district cell is empty). */
  district?: string | null;
  /** The user's corrections to the column mapping (header text → field, '' = ignore). */
  mapping?: MappingOverrides;
  /** Cells corrected in the wizard before importing: "Sheet!E22" → new value. */
  fixes?: Record<string, string>;
}

/** A row that became a record: where it is in the file, and its values. */
export interface ReadRecord {
  sheet: string;
  row: number;
  values: IkmValues;
}

export interface ReadOptions {
  resolver: DistrictResolver;
  now: Date;
  /** Mappings remembered for a district (null: files that name their district in a column). */
  saved(district: string | null): MappingOverrides;
  /** Called every few thousand rows: lets other work in, and throws when the import is cancelled. */
  tick(): Promise<void>;
  /** Every record, as soon as it is read; a returned promise holds the reading until it settles. */
  emit(record: ReadRecord): void | Promise<void>;
  /** The file's bytes, once it is known to be readable (for an estimate of its number of rows). */
  opened?(buf: Buffer, kind: FileKind): void;
}

/**
 * Thrown when a second table turns up after the first one's records were handed on: with several
 * tables, each sheet's name is the kecamatan of its rows, the first table's included, so the file
 * is read again from the start knowing that (see readFileRecords).
 */
class SeveralTables extends Error {}

/** Cells corrected in the wizard, by row number then 0-based column, for one sheet. */
function fixesFor(fixes: Record<string, string> | undefined, sheet: string): Map<number, Map<number, string>> {
  const out = new Map<number, Map<number, string>>();
  for (const [address, value] of Object.entries(fixes ?? {})) {
    const m = address.match(/^(.*)!([A-Z]{1,3})(\d{1,7})$/);
    if (!m || m[1] !== sheet) continue;
    const row = Number(m[3]);
    if (!out.has(row)) out.set(row, new Map());
    out.get(row)!.set(columnNumber(m[2]!) - 1, value);
  }
  return out;
}

/** A fix applied to a row: the cell's value before it, and the row (fixed) for the report. */
interface Applied {
  row: number;
  col: number;
  from: RawCell;
  to: string;
  cells: RawCell[];
}

function applyFixes(row: SheetRow, fixes: Map<number, Map<number, string>>, applied: Applied[]): void {
  const f = fixes.get(row.number);
  if (!f) return;
  for (const [col, value] of f) {
    while (row.cells.length <= col) row.cells.push(null);
    const from = row.cells[col] ?? null;
    row.cells[col] = value.trim() === '' ? null : value;
    applied.push({ row: row.number, col, from, to: value.trim(), cells: row.cells });
  }
}

/** The fixes applied in one table, as the error report lists them (header, business name, the row). */
function fixedCells(sheet: string, applied: Applied[], cells: { col: number; header: string }[], columns: RowContext['columns']): FixedCell[] {
  const header = new Map(cells.map((c) => [c.col, c.header]));
  return applied.map((a) => {
    const h = header.get(a.col);
    const from = a.from == null ? '' : typeof a.from === 'number' ? a.from : a.from instanceof Date ? a.from.toISOString().slice(0, 10) : String(a.from).trim();
    return { sheet, row: a.row, column: columnLetter(a.col + 1), ...(h ? { header: h } : {}), from, to: a.to, ...rowAsWritten(columns, a.cells) };
  });
}

function iterate(rows: SheetSource['rows']): AsyncIterator<SheetRow> | Iterator<SheetRow> {
  return Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
}

/** "BAAMANG" or "baamang" as a name is written: Baamang. */
const titleCase = (s: string) => (s === s.toUpperCase() || s === s.toLowerCase() ? s.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase()) : s);

/** The district most rows of a file name in their column (the file's district, for reports). */
function mostCommonDistrict(counts: Map<string, number>): string | null {
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * Reads and parses one file, handing on its records through `opts.emit`. A file refused on the
 * way (report status 'refused') contributes nothing: the caller drops what it was handed.
 * `restart` is called before the file is read again from the start (a workbook with several
 * tables, found out after the first table's records were handed on); the caller drops them too.
 */
export async function readFileRecords(input: FileInput, opts: ReadOptions, restart: () => void | Promise<void>): Promise<FileReport> {
  try {
    return await readFile(input, opts, false);
  } catch (e) {
    if (!(e instanceof SeveralTables)) throw e;
    await restart();
    return readFile(input, opts, true);
  }
}

/** `several`: the file is known to hold more than one table. */
async function readFile(input: FileInput, opts: ReadOptions, several: boolean): Promise<FileReport> {
  const report: FileReport = { file: input.name, status: 'imported', sheets: [], accepted: 0, updated: 0, unchanged: 0, refused: [], warnings: [], duplicates: [] };
  const districts = new Map<string, number>();
  let emitted = 0;
  try {
    const chosen = input.district ? opts.resolver.resolve(input.district) : null;
    if (input.district && !chosen) throw new ImportFileError(`Kode kabupaten/kota "${input.district}" tidak dikenal.`);
    const tables: { sheet: string; hasKecamatan: boolean }[] = [];
    /** The row that looked most like a header, for the message when no table is found. */
    let nearest: { sheet: string; row: number; headers: string[] } | null = null;
    /** The first table with a header and no data rows (a template sent back unfilled). */
    let empty: { sheet: string; row: number } | null = null;
    let csv = false;
    const opened = (buf: Buffer, kind: FileKind) => {
      csv = kind.kind === 'csv';
      opts.opened?.(buf, kind);
    };
    const sheets = await openSheets(input, opened);
    for await (const sheet of sheets) {
      if (skipSheet(sheets, sheet)) continue;
      const fixes = fixesFor(input.fixes, sheet.name);
      const applied: Applied[] = [];
      const it = iterate(sheet.rows);
      // The first rows, as a grid by worksheet row, to find the header in.
      const head: RawCell[][] = [];
      let next: SheetRow | null = null;
      for (let r = await it.next(); !r.done; r = await it.next()) {
        applyFixes(r.value, fixes, applied);
        if (r.value.number > HEADER_SCAN) {
          next = r.value;
          break;
        }
        head[r.value.number - 1] = r.value.cells;
      }
      for (let i = 0; i < head.length; i++) head[i] ??= [];
      const guess = guessHeader(head);
      const header = guess.header;
      if (!header && guess.nearest && (!nearest || guess.nearest.headers.length > nearest.headers.length)) nearest = { sheet: sheet.name, ...guess.nearest };
      if (!header || headerOnly(head, header.headerRow, next != null)) {
        if (header) empty ??= { sheet: sheet.name, row: header.headerRow };
        await it.return?.();
        continue;
      }
      const hasDistrictColumn = header.columns.some((c) => c.field === 'district_code');
      if (!hasDistrictColumn && !chosen) {
        const suggested = suggestDistrict(input.name, header.titles, opts.resolver);
        const d = suggested ? opts.resolver.get(suggested) : undefined;
        report.district = { source: 'missing', code: null, suggested };
        throw new ImportFileError(
          'Berkas tidak memiliki kolom kabupaten/kota. ' +
            (d ? `Judulnya menyebut ${d.type} ${d.name} (${d.code}); pilih kabupaten/kota itu (CLI: --district ${d.code}).` : 'Pilih kabupaten/kota untuk berkas ini (CLI: --district <kode BPS>).'),
          true,
        );
      }
      if (!hasDistrictColumn) report.district = { source: 'chosen', code: chosen!.code };
      else report.district ??= { source: 'column', code: null };
      const mappingKey = report.district.source === 'chosen' ? report.district.code : null;
      const overrides = { ...opts.saved(mappingKey), ...(input.mapping ?? {}) };
      const cells = headerCells(header);
      const confirmed = confirmMapping(header.columns, cells, head.slice(header.headerRow), { districts: opts.resolver, now: opts.now });
      const columns = applyOverrides(confirmed, cells, overrides);
      const byCol = new Map(columns.map((c) => [c.col, c]));
      // Columns the values proposed have no header cell of their own when the header is blank.
      const listed = [...cells, ...columns.filter((c) => !cells.some((x) => x.col === c.col)).map((c) => ({ col: c.col, header: c.header }))].sort((a, b) => a.col - b.col);
      report.sheets.push({
        name: sheet.name,
        headerRow: header.headerRow,
        columns: listed.map((c) => {
          const m = byCol.get(c.col);
          return { column: columnLetter(c.col + 1), header: c.header, field: m?.field ?? '', ...(m ? { confidence: m.confidence ?? 1, source: m.source ?? 'header', why: m.why ?? [] } : {}) };
        }),
      });
      const unmapped = new UnmappedColumns(sheet.name, cells, columns);
      const hasKecamatanColumn = columns.some((c) => c.field === 'kecamatan');
      tables.push({ sheet: sheet.name, hasKecamatan: hasKecamatanColumn });
      // One sheet per kecamatan: the sheet's name is the kecamatan of its rows when no column says so.
      if (!several && tables.length === 2 && !tables[0]!.hasKecamatan && emitted > 0) throw new SeveralTables();
      const sheetIsKecamatan = !hasKecamatanColumn && (several || tables.length > 1);
      // Merged cells below the header (a district or kecamatan merged down) read as their value.
      const fill = mergeFiller(sheet.merges ?? [], header.headerRow);
      const ctx: RowContext = { sheet: sheet.name, columns, districts: opts.resolver, district: chosen?.code ?? null, kecamatan: null, date1904: sheet.date1904, now: opts.now, typedText: !csv };
      let n = 0;
      const take = async (number: number, cells: RawCell[]) => {
        if (++n % 5000 === 0) await opts.tick();
        const r = readRow(fill(number, cells), number, ctx);
        if (r.kind === 'heading') ctx.kecamatan = hasKecamatanColumn ? null : titleCase(r.kecamatan);
        else if (r.kind === 'refused') {
          report.refused.push(r.problem);
          unmapped.see(cells);
        } else if (r.kind === 'record') {
          unmapped.see(cells);
          report.warnings.push(...r.warnings);
          if (sheetIsKecamatan) r.values.kecamatan ??= sheet.name;
          const d = String(r.values.district_code);
          districts.set(d, (districts.get(d) ?? 0) + 1);
          emitted++;
          const wait = opts.emit({ sheet: sheet.name, row: number, values: r.values });
          if (wait) await wait;
        }
      };
      for (let i = header.headerRow; i < head.length; i++) await take(i + 1, head[i]!);
      if (next) await take(next.number, next.cells);
      for (let r = await it.next(); !r.done; r = await it.next()) {
        applyFixes(r.value, fixes, applied);
        await take(r.value.number, r.value.cells);
      }
      const more = unmapped.list();
      if (more.length) (report.unmapped ??= []).push(...more);
      if (applied.length) (report.fixed ??= []).push(...fixedCells(sheet.name, applied, cells, columns));
    }
    if (tables.length === 0 && empty) throw headerOnlyError(input.name, empty);
    if (tables.length === 0)
      throw new ImportFileError(
        nearest
          ? `Tidak ditemukan tabel IKM: baris ${nearest.row} lembar "${nearest.sheet}" dikenali sebagai judul kolom (${nearest.headers.join(', ')}), tetapi tidak ada kolom nama usaha. Beri judul "Nama Usaha" pada kolom nama usahanya.`
          : 'Tidak ditemukan tabel IKM: tidak ada baris judul kolom seperti "Nama Usaha", "NIB", "Alamat". Periksa lembar kerjanya.',
      );
    if (report.district?.source === 'column') report.district.code = mostCommonDistrict(districts);
  } catch (e) {
    if (!(e instanceof ImportFileError) || e instanceof ImportCancelledError) throw e;
    report.status = 'refused';
    report.message = e.message;
    if (e.messageKey) report.messageKey = e.messageKey;
    if (e.needsChoice) report.needsDistrict = true;
    // A refused file contributes nothing, not even the rows read before the problem was found.
    report.refused = [];
    report.warnings = [];
    delete report.unmapped;
    delete report.fixed;
  }
  return report;
}
