/**
 * The province's export and import values by year and month (BPS figures), typed in or imported
 * from a workbook with a year/month (or period) column and export/import columns. Month 0 holds a
 * whole-year figure for years BPS publishes only as a total. They feed the trade-balance report.
 */
import type { FileReport, ImportResult, RowProblem } from '../../../shared/import';
import { message } from '../../../shared/messages';
import { parseDate, parseIdNumber, parseMonth, type Parsed } from '../../../shared/parse';
import type { TradeStat } from '../../../shared/shipments';
import type { DB } from '../db/open';
import { ImportFileError } from '../import/errors';
import { vocabulary } from '../import/header';
import { columnLetter, type RawCell } from '../import/sheet';
import { readTables, type SpreadsheetInput } from '../import/tables';
import { markChanged } from '../registry/generation';
import { osUser } from '../registry/write';

type TradeField = 'year' | 'month' | 'period' | 'export_usd' | 'import_usd';

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
);

export function listTradeStats(db: DB): TradeStat[] {
  return db.prepare(`SELECT year, month, export_usd, import_usd, source FROM trade_stat ORDER BY year, month`).all() as TradeStat[];
}

const upsertSql = `INSERT INTO trade_stat (year, month, export_usd, import_usd, source, updated_at) VALUES (@year, @month, @export_usd, @import_usd, @source, @at)
  ON CONFLICT(year, month) DO UPDATE SET export_usd = excluded.export_usd, import_usd = excluded.import_usd, source = excluded.source, updated_at = excluded.updated_at`;

export function setTradeStat(db: DB, s: TradeStat): TradeStat[] {
  markChanged(db);
  db.prepare(upsertSql).run({ ...s, at: new Date().toISOString() });
  return listTradeStats(db);
}

export function deleteTradeStat(db: DB, year: number, month: number): TradeStat[] {
  markChanged(db);
  db.prepare(`DELETE FROM trade_stat WHERE year = ? AND month = ?`).run(year, month);
  return listTradeStats(db);
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

export async function importTradeStats(db: DB, input: SpreadsheetInput, opts: { dryRun?: boolean } = {}): Promise<ImportResult> {
  const report: FileReport = { file: input.name, status: 'imported', sheets: [], accepted: 0, updated: 0, unchanged: 0, refused: [], warnings: [], duplicates: [] };
  const rows: (TradeStat & { sheet: string; row: number })[] = [];
  try {
    for await (const table of readTables(input, TRADE_VOCABULARY)) {
      report.sheets.push({ name: table.sheet, headerRow: table.header.headerRow, columns: table.cells });
      const col = new Map(table.columns.map((c) => [c.field, c]));
      if (!col.has('period') && !col.has('year')) throw new ImportFileError(`Lembar "${table.sheet}": tidak ada kolom Tahun atau Periode.`);
      for await (const { number, cells } of table.rows) {
        const get = (f: TradeField) => (col.has(f) ? (cells[col.get(f)!.col] ?? null) : null);
        const refuse = (f: TradeField, reason: string) => {
          const m = col.get(f);
          const p: RowProblem = { sheet: table.sheet, row: number, reason, ...(m ? { column: columnLetter(m.col + 1), header: m.header } : {}) };
          report.refused.push(p);
        };
        if (cells.every((c) => c == null || c === '')) continue;
        const first = String(cells.find((c) => c != null && c !== '') ?? '').trim().toLowerCase();
        if (/^(jumlah|total|rata|sumber|catatan|keterangan)/.test(first)) continue;
        let year: number | null = null;
        let month = 0;
        if (col.has('period') && get('period') != null) {
          const p = parsePeriod(get('period'));
          if (!p) {
            refuse('period', `Periode "${String(get('period'))}" tidak dikenali. Tulis misalnya "Januari 2024" atau 2024-01.`);
            continue;
          }
          ({ year, month } = p);
        } else {
          const y = parseIdNumber(get('year'));
          if (!y.ok || y.value == null || !Number.isInteger(y.value) || y.value < 1900 || y.value > 2200) {
            refuse('year', `Tahun "${String(get('year') ?? '')}" tidak dikenali.`);
            continue;
          }
          year = y.value;
          const m = parseMonth(get('month'));
          if (!m.ok) {
            refuse('month', message('id', m.error.key, m.error.params));
            continue;
          }
          month = m.value ?? 0;
        }
        const ex = money(get('export_usd'), col.get('export_usd')?.multiplier ?? 1);
        const im = money(get('import_usd'), col.get('import_usd')?.multiplier ?? 1);
        if (!ex.ok) refuse('export_usd', message('id', ex.error.key, ex.error.params));
        else if (!im.ok) refuse('import_usd', message('id', im.error.key, im.error.params));
        else if (ex.value == null && im.value == null) continue;
        else rows.push({ year, month, export_usd: ex.value, import_usd: im.value, source: input.name, sheet: table.sheet, row: number });
      }
    }
    if (report.sheets.length === 0)
      throw new ImportFileError('Tidak ditemukan tabel neraca perdagangan: perlu kolom Tahun (atau Periode) dan kolom Ekspor / Impor.');
  } catch (e) {
    if (!(e instanceof ImportFileError)) throw e;
    Object.assign(report, { status: 'refused', message: e.message, refused: [] });
    return { files: [report], batchId: null, dryRun: Boolean(opts.dryRun), backupPath: null };
  }
  const current = db.prepare(`SELECT export_usd, import_usd FROM trade_stat WHERE year = ? AND month = ?`);
  const upsert = db.prepare(upsertSql);
  const at = new Date().toISOString();
  let batchId: number | null = null;
  db.transaction(() => {
    for (const r of rows) {
      const had = current.get(r.year, r.month) as { export_usd: number | null; import_usd: number | null } | undefined;
      if (!had) report.accepted++;
      else if (had.export_usd === r.export_usd && had.import_usd === r.import_usd) {
        report.unchanged++;
        continue;
      } else report.updated++;
      if (!opts.dryRun) upsert.run({ year: r.year, month: r.month, export_usd: r.export_usd, import_usd: r.import_usd, source: r.source, at });
    }
    if (!opts.dryRun && rows.length > 0) {
      batchId = Number(
        db
          .prepare(`INSERT INTO import_batch (kind, at, os_user, files, inserted, updated, unchanged, refused) VALUES ('trade', ?, ?, ?, ?, ?, ?, ?)`)
          .run(at, osUser(), JSON.stringify([input.name]), report.accepted, report.updated, report.unchanged, report.refused.length).lastInsertRowid,
      );
    }
  })();
  markChanged(db);
  return { files: [report], batchId, dryRun: Boolean(opts.dryRun), backupPath: null };
}
