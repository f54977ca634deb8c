/**
 * One district file → candidate records and its report: the IKM layer over the table reader
 * (tables.ts), which opens the file, finds each table's header and hands on its rows. Here: where
 * rows get their district (a column, the user's choice, or a refusal that asks for it), the
 * saved mapping for that district and the values confirming the header, a workbook of one
 * sheet per kecamatan, and every row turned into a record, a refusal or junk (rows.ts). Records
 * are handed on one by one as they are read (the import writes them meanwhile).
 */
import type { DistrictResolver } from '../../../shared/areas';
import type { IkmFieldKey, IkmValues } from '../../../shared/fields';
import type { FileReport, FixedCell } from '../../../shared/import';
import { ImportCancelledError, ImportFileError } from './errors';
import { IKM_VOCABULARY } from './header';
import { confirmMapping, type MappingOverrides } from './mapping';
import { readRow, rowAsWritten, type RowContext } from './rows';
import { cellText, columnLetter } from './sheet';
import type { FileKind } from './sniff';
import { suggestDistrict } from './suggest-district';
import { noTableNear, readTables, type AppliedFix, type NearestHeader, type SpreadsheetInput, type TableHooks } from './tables';

export interface FileInput extends SpreadsheetInput {
  /** BPS code for files without a district column (also used for rows whose district cell is empty). */
  district?: string | null;
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

/** The fixes applied in one table, as the error report lists them (header, business name, the row). */
function fixedCells(sheet: string, applied: readonly AppliedFix[], cells: { col: number; header: string }[], columns: RowContext['columns']): FixedCell[] {
  const header = new Map(cells.map((c) => [c.col, c.header]));
  return applied.map((a) => {
    const h = header.get(a.col);
    return { sheet, row: a.row, column: columnLetter(a.col + 1), ...(h ? { header: h } : {}), from: typeof a.from === 'number' ? a.from : cellText(a.from), to: a.to, ...rowAsWritten(columns, a.cells) };
  });
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
    if (input.district && !chosen) throw ImportFileError.of('imp.unknownDistrict', { code: input.district });
    const tables: { sheet: string; hasKecamatan: boolean }[] = [];
    /** The row that looked most like a header: the refusal when no table is found shows its columns for mapping. */
    let nearest = null as NearestHeader | null;
    let csv = false;
    const hooks: TableHooks<IkmFieldKey> = {
      opened(buf, kind) {
        csv = kind.kind === 'csv';
        opts.opened?.(buf, kind);
      },
      nearest(near) {
        if (!nearest || near.headers.length > nearest.headers.length) nearest = near;
      },
      // Where rows get their district decides which saved mapping applies; the values under the
      // header then confirm (or doubt) each column and propose fields for unknown headers.
      mapping({ header, sample }) {
        const hasDistrictColumn = header.columns.some((c) => c.field === 'district_code');
        if (!hasDistrictColumn && !chosen) {
          const suggested = suggestDistrict(input.name, header.titles, opts.resolver);
          const d = suggested ? opts.resolver.get(suggested) : undefined;
          report.district = { source: 'missing', code: null, suggested };
          throw new ImportFileError(d ? { key: 'imp.noDistrictColumnTitle', params: { type: d.type, name: d.name, code: d.code } } : { key: 'imp.noDistrictColumn' }, true);
        }
        if (!hasDistrictColumn) report.district = { source: 'chosen', code: chosen!.code };
        else report.district ??= { source: 'column', code: null };
        const mappingKey = report.district.source === 'chosen' ? report.district.code : null;
        return {
          overrides: { ...opts.saved(mappingKey), ...(input.mapping ?? {}) },
          // After the user's corrections: a column they named is confirmed (or doubted) by its values like any other.
          confirm: (columns, ignored) =>
            confirmMapping(columns, header.cells.filter((c) => !ignored.has(c.col)), sample, { districts: opts.resolver, now: opts.now }),
        };
      },
    };
    // A header text the user once named (a saved mapping) finds the header as their own naming does.
    const named = { ...opts.saved(null), ...(chosen ? opts.saved(chosen.code) : {}), ...(input.mapping ?? {}) };
    for await (const table of readTables({ ...input, mapping: named }, IKM_VOCABULARY, hooks)) {
      const { sheet, columns, unmapped } = table;
      report.sheets.push({ name: sheet, headerRow: table.header.headerRow, columns: table.cells });
      const hasKecamatanColumn = columns.some((c) => c.field === 'kecamatan');
      tables.push({ sheet, hasKecamatan: hasKecamatanColumn });
      // One sheet per kecamatan: the sheet's name is the kecamatan of its rows when no column says so.
      if (!several && tables.length === 2 && !tables[0]!.hasKecamatan && emitted > 0) throw new SeveralTables();
      const sheetIsKecamatan = !hasKecamatanColumn && (several || tables.length > 1);
      const ctx: RowContext = { sheet, columns, districts: opts.resolver, district: chosen?.code ?? null, kecamatan: null, date1904: table.date1904, now: opts.now, typedText: !csv };
      let n = 0;
      for await (const { number, cells } of table.rows) {
        if (++n % 5000 === 0) await opts.tick();
        const r = readRow(cells, number, ctx);
        if (r.kind === 'heading') ctx.kecamatan = hasKecamatanColumn ? null : titleCase(r.kecamatan);
        else if (r.kind === 'refused') {
          report.refused.push(r.problem);
          unmapped.see(cells);
        } else if (r.kind === 'record') {
          unmapped.see(cells);
          report.warnings.push(...r.warnings);
          if (sheetIsKecamatan) r.values.kecamatan ??= sheet;
          const d = String(r.values.district_code);
          districts.set(d, (districts.get(d) ?? 0) + 1);
          emitted++;
          const wait = opts.emit({ sheet, row: number, values: r.values });
          if (wait) await wait;
        }
      }
      const more = unmapped.list();
      if (more.length) (report.unmapped ??= []).push(...more);
      if (table.fixed.length) (report.fixed ??= []).push(...fixedCells(sheet, table.fixed, table.header.cells, columns));
    }
    if (tables.length === 0 && nearest) throw noTableNear(report, nearest, 'imp.noTableNear');
    if (tables.length === 0) throw ImportFileError.of('imp.noTable');
    if (report.district?.source === 'column') report.district.code = mostCommonDistrict(districts);
  } catch (e) {
    if (!(e instanceof ImportFileError) || e instanceof ImportCancelledError) throw e;
    report.status = 'refused';
    report.message = e.message;
    report.messageKey = e.messageKey;
    if (e.needsChoice) report.needsDistrict = true;
    // A refused file contributes nothing, not even the rows read before the problem was found.
    report.refused = [];
    report.warnings = [];
    delete report.unmapped;
    delete report.fixed;
  }
  return report;
}
