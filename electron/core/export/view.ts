/**
 * "Ekspor tampilan": a grid's table as the grid shows it — its filter, its sort, the visible
 * columns in their order under their labels — to .xlsx or .csv, for any table the view engine
 * describes (registry/view.ts, shipments/view.ts). Rows are read with an iterator and written
 * with exceljs's streaming writer (or the CSV writer of rows.ts, formula-neutralised), so 100,000
 * rows never sit in memory as objects. Cells read as they do in the grid: codes (district,
 * country, business form) by name; NIB, KBLI, HS and phone as text cells (leading zeros kept);
 * numbers as numbers; days as date cells (ISO yyyy-mm-dd in CSV, which Excel reads in any locale).
 */
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { localDay } from '../../../shared/parse';
import type { DB } from '../db/open';
import type { ValueFilter, ViewColumn as TableColumn, ViewTable } from '../view/table';
import { streamToBuffer, writeRowsTo } from './rows';

export interface ViewColumn {
  key: string;
  label: string;
}

function viewRows<F extends { values?: ValueFilter[] }, S>(db: DB, t: ViewTable<F, S>, filter: F, sort: S, keys: string[], dates: 'date' | 'iso'): IterableIterator<Record<string, unknown>> {
  for (const k of keys) if (!t.columns.has(k)) throw new Error(`unknown column ${k}`);
  const { sql, params } = t.where(filter);
  const labels = new Map(keys.map((k) => [k, new Map((t.columns.get(k)!.codes?.(db) ?? []).map((c) => [c.code, c.label]))]));
  const dateKeys = keys.filter((k) => t.columns.get(k)!.kind === 'date');
  const rows = db.prepare(`SELECT ${keys.join(', ')} FROM ${t.table} WHERE ${sql} ORDER BY ${t.order(sort)}`).iterate(...params) as IterableIterator<Record<string, unknown>>;
  const shown = function* () {
    for (const r of rows) {
      for (const k of keys) {
        const v = r[k];
        if (v == null) continue;
        const label = labels.get(k)!.get(String(v));
        if (label != null) r[k] = label;
      }
      // A day is a date cell at midnight UTC (exceljs writes Dates as UTC serials).
      if (dates === 'date') for (const k of dateKeys) if (typeof r[k] === 'string') r[k] = new Date(`${r[k] as string}T00:00:00Z`);
      yield r;
    }
  };
  return shown();
}

async function writeXlsx(out: Writable, sheet: string, rows: Iterable<Record<string, unknown>>, columns: ViewColumn[], kinds: ReadonlyMap<string, TableColumn>): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Pangkalan IKM';
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = columns.map((c) => {
    const col = kinds.get(c.key)!;
    // Text columns carry Excel's text format, so a NIB typed there later keeps its zeros too.
    const numFmt = col.kind === 'number' ? (col.numFmt ?? 'General') : col.kind === 'date' ? 'dd/mm/yyyy' : '@';
    return { key: c.key, header: c.label, width: Math.min(60, Math.max(10, col.width / 7)), style: { numFmt } };
  });
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.commit();
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  let n = 0;
  for (const r of rows) {
    const cells = columns.map((c) => {
      const v = r[c.key];
      return v == null ? null : typeof v === 'number' || v instanceof Date ? v : String(v);
    });
    ws.addRow(cells).commit();
    n++;
  }
  ws.commit();
  await wb.commit();
  return n;
}

/** The current view as a file in memory (the renderer saves it); rows counts the data rows. */
export async function exportView<F extends { values?: ValueFilter[] }, S>(
  db: DB, t: ViewTable<F, S>, filter: F, sort: S, columns: ViewColumn[], format: 'xlsx' | 'csv',
): Promise<{ name: string; dataBase64: string; rows: number }> {
  const keys = columns.map((c) => c.key);
  let n = 0;
  const data = await streamToBuffer(async (out) => {
    const rows = viewRows(db, t, filter, sort, keys, format === 'xlsx' ? 'date' : 'iso');
    n = format === 'xlsx' ? await writeXlsx(out, t.sheet, rows, columns, t.columns) : await writeRowsTo(out, rows, keys, 'csv', columns.map((c) => c.label));
  });
  return { name: `${t.file}-${localDay()}.${format}`, dataBase64: data.toString('base64'), rows: n };
}
