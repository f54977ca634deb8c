/**
 * The province's export and import values by year and month (BPS figures), typed in or imported
 * from a workbook with a year/month (or period) column and export/import columns. Month 0 holds a
 * whole-year figure for years BPS publishes only as a total. They feed the trade-balance report.
 */
import { provinceNamed, type Province } from '../../../shared/areas';
import { UNDO_CHANGED_SINCE, type FileReport, type ImportResult, type UndoSkip } from '../../../shared/import';
import type { MessageKey } from '../../../shared/messages';
import { parseDate, parseIdNumber, parseMonth, type Parsed } from '../../../shared/parse';
import type { TradeFieldKey, TradeStat } from '../../../shared/shipments';
import type { DB } from '../db/open';
import { withImportBatch } from '../import/batch';
import { ImportFileError } from '../import/errors';
import { vocabulary } from '../import/header';
import { isJunkRow } from '../import/junk';
import { rowProblem, type ProblemParams } from '../import/problem';
import type { RawCell } from '../import/sheet';
import { noTableNear, readTables, type NearestHeader, type SpreadsheetInput } from '../import/tables';
import { markChanged } from '../registry/generation';
import { logChange } from '../audit/change-log';

type TradeField = TradeFieldKey;

export const TRADE_VOCABULARY = vocabulary<TradeField>(
  {
    year: ['tahun', 'year', 'thn'],
    month: ['bulan', 'month', 'bln'],
    period: ['periode', 'bulan tahun', 'period', 'waktu'],
    export_usd: ['ekspor', 'nilai ekspor', 'ekspor usd', 'export', 'exports', 'ekspor us', 'nilai ekspor us', 'nilai ekspor usd', 'total ekspor'],
    import_usd: ['impor', 'nilai impor', 'impor usd', 'import', 'imports', 'impor us', 'nilai impor us', 'nilai impor usd', 'total impor'],
  },
  'export_usd',
  2,
  // "(juta US$)" in the table's title scales both columns, as "(juta Rp)" scales an IKM table's money.
  { money: ['export_usd', 'import_usd'] },
);

/**
 * The one year a table's title names ("… Menurut Bulan, 2024"): BPS monthly tables carry their
 * year there, not in a column. Two years ("2023–2024") name none.
 */
function titleYear(titles: readonly string[], now: Date): number | null {
  const years = new Set((titles.join(' ').match(/(?<!\d)(19|20)\d{2}(?!\d)/g) ?? []).map(Number).filter((y) => y <= now.getFullYear() + 1));
  return years.size === 1 ? [...years][0]! : null;
}

/**
 * The office's own province: the one named in the saved letterhead's government line
 * ("PEMERINTAH PROVINSI KALIMANTAN BARAT"), else Kalimantan Tengah (the default letterhead's).
 * Trade figures typed or imported without a province are taken to be the office's.
 */
export function officeProvince(db: DB): string {
  const row = db
    .prepare(
      `SELECT p.code FROM province p JOIN settings s ON s.key = 'report.letterhead'
       WHERE instr(upper(coalesce(json_extract(s.value, '$.government'), '')), upper(p.name)) > 0 ORDER BY length(p.name) DESC LIMIT 1`,
    )
    .get() as { code: string } | undefined;
  return row?.code ?? '62';
}

function requireProvince(db: DB, code: string): Province {
  const p = db.prepare(`SELECT code, name FROM province WHERE code = ?`).get(code) as Province | undefined;
  if (!p) throw ImportFileError.of('imp.trade.province', { code });
  return p;
}

/** The figures of one province, or of all (each row names its province). */
export function listTradeStats(db: DB, province?: string): TradeStat[] {
  return db
    .prepare(`SELECT province_code, year, month, export_usd, import_usd, source FROM trade_stat WHERE ? IS NULL OR province_code = ? ORDER BY province_code, year, month`)
    .all(province ?? null, province ?? null) as TradeStat[];
}

const upsertSql = `INSERT INTO trade_stat (province_code, year, month, export_usd, import_usd, source, updated_at) VALUES (@province_code, @year, @month, @export_usd, @import_usd, @source, @at)
  ON CONFLICT(province_code, year, month) DO UPDATE SET export_usd = excluded.export_usd, import_usd = excluded.import_usd, source = excluded.source, updated_at = excluded.updated_at`;

type TradeKey = Pick<TradeStat, 'province_code' | 'year' | 'month'>;
/** The change_log key of one figure: "62/2024/0" (month 0 = the whole year). */
export const tradeKey = (k: TradeKey): string => `${k.province_code}/${k.year}/${k.month}`;
const figures = (r: Pick<TradeStat, 'export_usd' | 'import_usd' | 'source'> | undefined) =>
  r ? { export_usd: r.export_usd, import_usd: r.import_usd, source: r.source } : null;

function currentStat(db: DB, k: TradeKey): TradeStat | undefined {
  return db.prepare(`SELECT province_code, year, month, export_usd, import_usd, source FROM trade_stat WHERE province_code = ? AND year = ? AND month = ?`).get(k.province_code, k.year, k.month) as
    | TradeStat
    | undefined;
}

/** Writes one figure with its audit row (old and new value); nothing when unchanged. */
function writeStat(db: DB, s: TradeStat, at: string, action: 'create' | 'update' | 'import', batchId: number | null = null): 'inserted' | 'updated' | 'unchanged' {
  const had = currentStat(db, s);
  if (had && had.export_usd === s.export_usd && had.import_usd === s.import_usd && had.source === s.source) return 'unchanged';
  db.prepare(upsertSql).run({ ...s, at });
  logChange(db, { entity: 'trade_stat', key: tradeKey(s), action: action === 'import' ? 'import' : had ? 'update' : 'create', old: figures(had), new: figures(s), batchId });
  return had ? 'updated' : 'inserted';
}

export function setTradeStat(db: DB, s: Omit<TradeStat, 'province_code'> & { province_code?: string }): TradeStat[] {
  const stat = { ...s, province_code: s.province_code ?? officeProvince(db) };
  requireProvince(db, stat.province_code);
  markChanged(db);
  db.transaction(() => writeStat(db, stat, new Date().toISOString(), 'update'))();
  return listTradeStats(db, stat.province_code);
}

/** Deletes one figure with its audit row; false when there was none. */
function removeStat(db: DB, k: TradeKey): boolean {
  const had = currentStat(db, k);
  if (!had) return false;
  db.prepare(`DELETE FROM trade_stat WHERE province_code = ? AND year = ? AND month = ?`).run(k.province_code, k.year, k.month);
  logChange(db, { entity: 'trade_stat', key: tradeKey(had), action: 'delete', old: figures(had), new: null });
  return true;
}

export function deleteTradeStat(db: DB, year: number, month: number, province = officeProvince(db)): TradeStat[] {
  markChanged(db);
  db.transaction(() => removeStat(db, { province_code: province, year, month }))();
  return listTradeStats(db, province);
}

const money = (raw: RawCell, multiplier: number): Parsed<number> => {
  const p = parseIdNumber(raw);
  if (!p.ok || p.value == null) return p;
  if (p.value < 0) return { ok: false, error: { key: 'err.negative' } };
  return { ok: true, value: Math.round(p.value * multiplier * 100) / 100 };
};

/** "Januari 2024", "2024-01", "01/2024", a date cell → year and month. */
function parsePeriod(raw: RawCell): { year: number; month: number } | null {
  if (/^\d{4}$/.test(String(raw).trim())) return { year: Number(String(raw).trim()), month: 0 };
  const d = parseDate(raw);
  if (d.ok && d.value) return { year: Number(d.value.slice(0, 4)), month: Number(d.value.slice(5, 7)) };
  const s = String(raw ?? '').trim().toLowerCase();
  const m = s.match(/^([a-z]+)\.?\s+(\d{4})$/);
  if (m) {
    const month = parseMonth(m[1]);
    if (month.ok && month.value) return { year: Number(m[2]), month: month.value };
  }
  const ym = s.match(/^(\d{4})[-/.](\d{1,2})$/);
  const my = s.match(/^(\d{1,2})[-/.](\d{4})$/);
  const [year, month] = ym ? [Number(ym[1]), Number(ym[2])] : my ? [Number(my[2]), Number(my[1])] : [0, 0];
  if (month >= 1 && month <= 12) return { year, month };
  return null;
}

/**
 * A BPS table of a province's export and import values: one import batch (backed up, undoable).
 * The province is the one the table's title names ("… Provinsi Kalimantan Timur"), else the one
 * chosen (`opts.province`), else the office's; a title naming another province than the one
 * chosen refuses the file: figures are never stored under the wrong province.
 */
export async function importTradeStats(db: DB, input: SpreadsheetInput, opts: { dryRun?: boolean; province?: string | null; signal?: AbortSignal } = {}): Promise<ImportResult> {
  const chosen = opts.province ? requireProvince(db, opts.province) : null;
  const fallback = chosen ?? requireProvince(db, officeProvince(db));
  const provinces = db.prepare(`SELECT code, name FROM province ORDER BY code`).all() as Province[];
  return withImportBatch(db, { kind: 'trade', files: [input.name], dryRun: opts.dryRun, signal: opts.signal }, async (batch) => {
    const report: FileReport = { file: input.name, status: 'imported', sheets: [], accepted: 0, updated: 0, unchanged: 0, refused: [], warnings: [], duplicates: [] };
    const rows: (TradeStat & { sheet: string; row: number })[] = [];
    try {
      let nearest: NearestHeader | null = null;
      for await (const table of readTables(input, TRADE_VOCABULARY, { nearest: (n) => (nearest ??= n) })) {
        report.sheets.push({ name: table.sheet, headerRow: table.header.headerRow, columns: table.cells });
        const named = provinceNamed(table.header.titles, provinces);
        if (named && chosen && named.code !== chosen.code) throw ImportFileError.of('imp.trade.otherProvince', { title: named.name, chosen: chosen.name });
        const province = (named ?? fallback).code;
        const col = new Map(table.columns.map((c) => [c.field, c]));
        // Without a year or period column, the year the title names (shown in the preview).
        const yearOfTitle = !col.has('period') && !col.has('year') ? titleYear(table.header.titles, new Date()) : null;
        (report.provinces ??= []).push({ sheet: table.sheet, code: province, source: named ? 'title' : chosen ? 'chosen' : 'office', ...(yearOfTitle ? { year: yearOfTitle } : {}) });
        if (!col.has('period') && !col.has('year') && !yearOfTitle) throw ImportFileError.of('imp.trade.noPeriod', { sheet: table.sheet });
        for await (const { number, cells } of table.rows) {
          const get = (f: TradeField) => (col.has(f) ? (cells[col.get(f)!.col] ?? null) : null);
          const refuse = (f: TradeField, key: MessageKey, params?: ProblemParams) => report.refused.push(rowProblem({ sheet: table.sheet, row: number, column: col.get(f) }, key, params));
          // Totals, averages and the "Sumber: BPS" note under the table (the one junk rule).
          if (isJunkRow(cells, table.columns)) continue;
          table.unmapped.see(cells);
          let year: number | null = null;
          let month = 0;
          if (col.has('period') && get('period') != null) {
            const p = parsePeriod(get('period'));
            if (!p) {
              refuse('period', 'imp.trade.period', { value: String(get('period')) });
              continue;
            }
            ({ year, month } = p);
          } else {
            const y = yearOfTitle ? { ok: true as const, value: yearOfTitle } : parseIdNumber(get('year'));
            if (!y.ok || y.value == null || !Number.isInteger(y.value) || y.value < 1900 || y.value > 2200) {
              refuse('year', 'imp.trade.year', { value: String(get('year') ?? '') });
              continue;
            }
            year = y.value;
            const m = parseMonth(get('month'));
            if (!m.ok) {
              refuse('month', m.error.key, m.error.params);
              continue;
            }
            month = m.value ?? 0;
          }
          const ex = money(get('export_usd'), col.get('export_usd')?.multiplier ?? 1);
          const im = money(get('import_usd'), col.get('import_usd')?.multiplier ?? 1);
          if (!ex.ok) refuse('export_usd', ex.error.key, ex.error.params);
          else if (!im.ok) refuse('import_usd', im.error.key, im.error.params);
          else if (ex.value == null && im.value == null) continue;
          else rows.push({ province_code: province, year, month, export_usd: ex.value, import_usd: im.value, source: input.name, sheet: table.sheet, row: number });
        }
        const more = table.unmapped.list();
        if (more.length) (report.unmapped ??= []).push(...more);
      }
      // The columns it did read, so the user can name the export column in the mapping and read again.
      if (report.sheets.length === 0 && nearest) throw noTableNear(report, nearest, 'imp.trade.noExport');
      if (report.sheets.length === 0) throw ImportFileError.of('imp.trade.noTable');
    } catch (e) {
      if (!(e instanceof ImportFileError)) throw e;
      Object.assign(report, { status: 'refused', message: e.message, messageKey: e.messageKey, refused: [] });
      delete report.provinces;
      return [report];
    }
    if (rows.length === 0) return [report];
    const batchId = await batch.begin();
    const at = new Date().toISOString();
    for (const r of rows) {
      const stat: TradeStat = { province_code: r.province_code, year: r.year, month: r.month, export_usd: r.export_usd, import_usd: r.import_usd, source: r.source };
      const had = currentStat(batch.conn, stat);
      // A re-imported table is unchanged when its figures are (the source name alone is no change).
      const outcome = !had ? 'inserted' : had.export_usd === stat.export_usd && had.import_usd === stat.import_usd ? 'unchanged' : 'updated';
      if (outcome === 'inserted') report.accepted++;
      else if (outcome === 'updated') report.updated++;
      else report.unchanged++;
      if (outcome !== 'unchanged') writeStat(batch.conn, stat, at, 'import', batchId);
    }
    return [report];
  });
}

/** Undoes a BPS table import (import/undo.ts): each figure it wrote goes back to what it was (or away, if it was new). */
export function undoTradeBatch(db: DB, batchId: number, result: { deleted: number; reverted: number; skipped: UndoSkip[] }): void {
  const rows = db
    .prepare(`SELECT id, key, old_value FROM change_log WHERE batch_id = ? AND entity = 'trade_stat' AND action = 'import' ORDER BY id DESC`)
    .all(batchId) as { id: number; key: string; old_value: string | null }[];
  const later = db.prepare(`SELECT 1 FROM change_log WHERE entity = 'trade_stat' AND key = ? AND id > ? AND coalesce(batch_id, -1) <> ? LIMIT 1`);
  const at = new Date().toISOString();
  for (const r of rows) {
    if (later.get(r.key, r.id, batchId)) {
      result.skipped.push({ record: r.key, field: 'export_usd', reason: UNDO_CHANGED_SINCE });
      continue;
    }
    const [province_code, year, month] = r.key.split('/');
    const k = { province_code: province_code!, year: Number(year), month: Number(month) };
    const old = r.old_value == null ? null : (JSON.parse(r.old_value) as Pick<TradeStat, 'export_usd' | 'import_usd' | 'source'>);
    if (old) {
      if (writeStat(db, { ...k, ...old }, at, 'update') !== 'unchanged') result.reverted++;
    } else if (removeStat(db, k)) result.deleted++;
  }
}
