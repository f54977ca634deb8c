/**
 * Imports shipment lists (PEB recaps, SKA registers, district export reports) with the same
 * tolerance as IKM submissions: header found anywhere with its synonyms, Indonesian numbers and
 * dates, country names in Indonesian or English or ISO codes. A row is refused (with sheet, row,
 * column and reason) when its date, destination or exporter cannot be known; everything else
 * lands in ONE import batch (withImportBatch: backup, one transaction, dry run, undo). Re-importing
 * the same file changes nothing.
 */
import { basename } from 'node:path';
import type { FileReport, ImportResult, RowProblem } from '../../../shared/import';
import { message, type MessageKey } from '../../../shared/messages';
import { parseShipmentField, type ShipmentFieldKey, type ShipmentRecord, type ShipmentValues } from '../../../shared/shipments';
import type { DB } from '../db/open';
import { withImportBatch } from '../import/batch';
import { rememberImported, savedOverrides, SHIPMENT_MAPPINGS } from '../import/mapping';
import { ImportFileError } from '../import/errors';
import { vocabulary, type ColumnMapping } from '../import/header';
import { rowProblem, valueWarning, type ProblemParams } from '../import/problem';
import { isFurniture } from '../import/junk';
import { cellText as text } from '../import/sheet';
import { noTableNear, readTables, type NearestHeader, type SpreadsheetInput } from '../import/tables';
import { districtResolver } from '../reference/areas';
import { countryResolver } from '../reference/countries';
import { exporterByNib, ShipmentWriter, shipmentIdentity, SHIPMENT_COLUMNS } from './write';

export const SHIPMENT_VOCABULARY = vocabulary<ShipmentFieldKey>(
  {
    date: ['tanggal', 'tgl', 'tanggal ekspor', 'tgl ekspor', 'tanggal pengapalan', 'tanggal kirim', 'tgl kirim', 'tanggal muat', 'tanggal pengiriman', 'date', 'shipment date', 'etd', 'tanggal keberangkatan'],
    exporter_nib: ['nib', 'nib eksportir', 'nomor induk berusaha', 'nib perusahaan'],
    exporter_name: ['eksportir', 'nama eksportir', 'nama perusahaan', 'perusahaan', 'nama usaha', 'exporter', 'shipper', 'nama ikm', 'pengirim', 'nama pengirim', 'nama pelaku usaha', 'pelaku usaha', 'nama exportir', 'exportir'],
    district_code: ['kab kota', 'kabupaten kota', 'kabupaten', 'asal', 'daerah asal', 'kabupaten asal', 'asal barang', 'kab kota asal', 'wilayah'],
    product: ['produk', 'komoditi', 'komoditas', 'uraian barang', 'nama barang', 'jenis barang', 'uraian', 'description', 'commodity', 'product', 'barang', 'jenis produk', 'nama produk', 'uraian komoditi'],
    hs_code: ['hs', 'kode hs', 'hs code', 'pos tarif', 'pos tarif hs', 'hs 8 digit', 'kode hs 8 digit', 'nomor hs', 'kode pos tarif'],
    country_code: ['negara tujuan', 'negara', 'tujuan', 'destination', 'country', 'negara tujuan ekspor', 'destination country', 'negara pembeli', 'negara importir'],
    quantity: ['jumlah', 'kuantitas', 'volume', 'qty', 'quantity', 'jumlah barang', 'banyaknya', 'jumlah satuan'],
    unit: ['satuan', 'unit', 'satuan jumlah', 'satuan barang', 'sat'],
    net_weight_kg: ['berat bersih', 'netto', 'berat netto', 'berat bersih kg', 'net weight', 'berat', 'nett', 'berat kg', 'volume kg', 'berat netto kg', 'net weight kg', 'nett weight'],
    fob_usd: ['nilai fob', 'fob', 'nilai fob usd', 'nilai usd', 'nilai ekspor', 'nilai ekspor usd', 'fob value', 'value usd', 'nilai', 'nilai fob us', 'fob us', 'nilai us', 'fob usd', 'value', 'nilai ekspor us'],
    port: ['pelabuhan muat', 'pelabuhan', 'pelabuhan asal', 'port of loading', 'port', 'pelabuhan ekspor', 'pelabuhan muat asal', 'pol'],
    peb_number: ['no peb', 'nomor peb', 'peb', 'nomor pendaftaran peb', 'no pendaftaran peb', 'no aju', 'nomor aju', 'no daftar peb'],
    peb_date: ['tanggal peb', 'tgl peb', 'tanggal pendaftaran peb', 'tgl daftar peb', 'tanggal daftar peb'],
    coo_form: ['form ska', 'ska', 'coo', 'form coo', 'jenis ska', 'form', 'certificate of origin', 'jenis form', 'form sk', 'jenis coo'],
  },
  'country_code',
);

/** Fields whose bad value refuses the row; any other bad value is imported empty with a warning. */
const REFUSING = new Set<ShipmentFieldKey>(['date', 'country_code', 'exporter_nib', 'district_code', 'hs_code']);

export interface ShipmentInput extends SpreadsheetInput {
  /** District for rows that name none (a district's own export list). */
  district?: string | null;
}

export interface ShipmentImportOptions {
  dryRun?: boolean;
  district?: string | null;
  now?: Date;
  signal?: AbortSignal;
}

interface Candidate {
  file: FileReport;
  values: ShipmentValues;
  ikmId: number | null;
  sheet: string;
  row: number;
}

export async function importShipments(db: DB, inputs: ShipmentInput[], opts: ShipmentImportOptions = {}): Promise<ImportResult> {
  const names = inputs.map((input) => input.name || basename(input.path ?? ''));
  // Corrections the user made to earlier shipment lists: they find the header and map the columns as their own naming does.
  const saved = savedOverrides(db, SHIPMENT_MAPPINGS);
  const result = await withImportBatch(db, { kind: 'shipment', files: names, dryRun: opts.dryRun, now: opts.now, signal: opts.signal }, async (batch) => {
    const conn = batch.conn;
    const districts = districtResolver(conn);
    const countries = countryResolver();
    const byNib = exporterByNib(conn);
    const files: FileReport[] = [];
    const candidates: Candidate[] = [];

    for (const [i, input] of inputs.entries()) {
      const report: FileReport = { file: names[i]!, status: 'imported', sheets: [], accepted: 0, updated: 0, unchanged: 0, refused: [], warnings: [], duplicates: [] };
      files.push(report);
      const mine: Candidate[] = [];
      try {
        const chosenText = input.district ?? opts.district ?? null;
        const chosen = chosenText ? districts.resolve(chosenText) : null;
        if (chosenText && !chosen) throw ImportFileError.of('imp.unknownDistrict', { code: chosenText });
        let tables = 0;
        /** Rows refused only for want of a district, in files without a district column. */
        let needDistrict = 0;
        /** The row that looked most like a header: the refusal when no table is found shows its columns for mapping. */
        let nearest: NearestHeader | null = null;
        for await (const table of readTables({ ...input, mapping: { ...saved, ...input.mapping } }, SHIPMENT_VOCABULARY, { nearest: (n) => (nearest ??= n) })) {
          tables++;
          report.sheets.push({ name: table.sheet, headerRow: table.header.headerRow, columns: table.cells });
          const done = () => {
            const more = table.unmapped.list();
            if (more.length) (report.unmapped ??= []).push(...more);
          };
          const ctx = { districts, countries, date1904: table.date1904 };
          for await (const { number, cells } of table.rows) {
            const mapped = table.columns.map((m) => ({ m, raw: cells[m.col] ?? null })).filter(({ raw }) => text(raw) !== '');
            const filled = cells.filter((c) => c != null && c !== '').length;
            if (mapped.length < 2 || isFurniture(cells, filled, mapped.map(({ m }) => m.field), mapped.map(({ raw }) => raw))) continue;
            table.unmapped.see(cells);
            const at = (m: ColumnMapping<ShipmentFieldKey> | undefined) => ({
              sheet: table.sheet,
              row: number,
              column: m,
              name: text(cells[table.columns.find((c) => c.field === 'exporter_name')?.col ?? -1]),
            });
            const problem = (m: ColumnMapping<ShipmentFieldKey> | undefined, key: MessageKey, params?: ProblemParams): RowProblem =>
              rowProblem({ ...at(m), original: Object.fromEntries(table.columns.map((c) => [c.header, text(cells[c.col])])) }, key, params);
            const values: ShipmentValues = {};
            let refused: RowProblem | null = null;
            for (const { m, raw } of mapped) {
              let value: unknown = raw;
              if (m.multiplier !== 1 && (m.field === 'fob_usd' || m.field === 'net_weight_kg')) {
                const n = parseShipmentField(m.field, raw, ctx);
                if (n.ok && typeof n.value === 'number') value = n.value * m.multiplier;
              }
              const p = parseShipmentField(m.field, value, ctx);
              if (!p.ok) {
                if (REFUSING.has(m.field) || p.error.key === 'err.negative') {
                  refused = problem(m, p.error.key, p.error.params);
                  break;
                }
                report.warnings.push(valueWarning(at(m), p.error.key, p.error.params));
                continue;
              }
              values[m.field] = p.value;
            }
            const col = (f: ShipmentFieldKey) => table.columns.find((c) => c.field === f);
            // A recap that a trade office keeps is often dated only by its PEB (export declaration).
            if (!refused && values.date == null && values.peb_date != null) values.date = values.peb_date;
            if (!refused && values.date == null) refused = problem(col('date') ?? col('peb_date'), 'imp.ship.noDate');
            if (!refused && values.country_code == null) refused = problem(col('country_code'), 'imp.ship.noCountry');
            const ikm = !refused && values.exporter_nib ? byNib(String(values.exporter_nib)) : undefined;
            if (!refused) {
              values.exporter_name ??= ikm?.business_name ?? null;
              values.district_code ??= ikm?.district_code ?? chosen?.code ?? null;
              if (values.exporter_name == null) refused = problem(col('exporter_name'), 'err.exporter');
              else if (values.district_code == null && !col('district_code')) needDistrict++;
              else if (values.district_code == null)
                refused = problem(col('district_code'), 'imp.ship.noDistrict');
            }
            if (refused) report.refused.push(refused);
            else if (values.district_code != null) mine.push({ file: report, values, ikmId: ikm?.id ?? null, sheet: table.sheet, row: number });
          }
          done();
        }
        if (needDistrict > 0) {
          report.district = { source: 'missing', code: null };
          throw new ImportFileError({ key: 'imp.ship.chooseDistrict', params: { n: needDistrict } }, true);
        }
        if (tables === 0 && nearest) throw noTableNear(report, nearest, 'imp.ship.noTableNear');
        if (tables === 0)
          throw ImportFileError.of('imp.ship.noTable');
        candidates.push(...mine);
      } catch (e) {
        if (!(e instanceof ImportFileError)) throw e;
        Object.assign(report, { status: 'refused', message: e.message, refused: [], warnings: [], needsDistrict: e.needsChoice || undefined, ...(e.messageKey ? { messageKey: e.messageKey } : {}) });
        delete report.unmapped;
      }
    }

    if (candidates.length === 0) return files;
    const batchId = await batch.begin();
    const byIdentity = conn.prepare(`SELECT ${SHIPMENT_COLUMNS} FROM shipment WHERE identity = ? AND deleted_at IS NULL`);
    const writer = new ShipmentWriter(conn);
    const seen = new Map<string, Candidate>();
    for (const c of candidates) {
      const identity = shipmentIdentity(c.values);
      const earlier = seen.get(identity);
      if (earlier) {
        const params = { row: earlier.row, sheet: earlier.sheet };
        c.file.duplicates.push({
          sheet: c.sheet, row: c.row, kind: 'in_file', business_name: String(c.values.exporter_name),
          match: { business_name: String(earlier.values.exporter_name), nib: (earlier.values.exporter_nib as string) ?? null, sheet: earlier.sheet, row: earlier.row },
          reason: message('id', 'imp.ship.same', params),
          messageKey: { key: 'imp.ship.same', params },
        });
        continue;
      }
      seen.set(identity, c);
      // The row it came from (the detail panel's "asal": file, sheet, row, import).
      const from = { file: c.file.file, sheet: c.sheet, row: c.row };
      const current = byIdentity.get(identity) as ShipmentRecord | undefined;
      if (current) {
        const fields = Object.fromEntries(Object.entries(c.values).filter(([, v]) => v != null)) as ShipmentValues;
        if (writer.update(current, fields, c.ikmId ?? current.ikm_id, batchId, from) > 0) c.file.updated++;
        else c.file.unchanged++;
      } else {
        writer.insert(c.values, c.ikmId, batchId, from);
        c.file.accepted++;
      }
    }
    return files;
  });
  rememberImported(db, result, inputs, () => SHIPMENT_MAPPINGS);
  return result;
}
