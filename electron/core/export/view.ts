/**
 * "Ekspor tampilan": the registry as the grid shows it — its filter, its sort, the visible columns
 * in their order under their labels — to .xlsx or .csv. Rows are read with an iterator and written
 * with exceljs's streaming writer (or the CSV writer of rows.ts, formula-neutralised), so 100,000
 * rows never sit in memory as objects. Cells read as they do in the grid: district and business
 * form by name; NIB, KBLI and phone as text cells (leading zeros kept); numbers as numbers.
 */
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { districtLabel } from '../../../shared/areas';
import type { IkmFilter, IkmSort } from '../../../shared/contract';
import { BUSINESS_FORM_LABELS, FIELD_BY_KEY, type BusinessForm } from '../../../shared/fields';
import { localDay } from '../../../shared/parse';
import type { DB } from '../db/open';
import { districtResolver } from '../reference/areas';
import { buildOrder, buildWhere, VALUE_COLUMNS } from '../registry/query';
import { streamToBuffer, writeRowsTo } from './rows';

export interface ViewColumn {
  key: string;
  label: string;
}

const SCALE_LABELS: Record<string, string> = { kecil: 'Kecil', menengah: 'Menengah', besar: 'Besar' };
const NUMBER_FORMATS: Record<string, string> = { count: '#,##0', money: '#,##0', decimal: '#,##0.##', year: '0' };

function viewRows(db: DB, filter: IkmFilter, sort: IkmSort, keys: string[]): IterableIterator<Record<string, unknown>> {
  for (const k of keys) if (!VALUE_COLUMNS.has(k)) throw new Error(`unknown column ${k}`);
  const { sql, params } = buildWhere(filter);
  const districts = districtResolver(db);
  const rows = db.prepare(`SELECT ${keys.join(', ')} FROM ikm WHERE ${sql} ORDER BY ${buildOrder(sort)}`).iterate(...params) as IterableIterator<Record<string, unknown>>;
  const shown = function* () {
    for (const r of rows) {
      if (r.district_code != null) {
        const d = districts.get(String(r.district_code));
        if (d) r.district_code = districtLabel(d);
      }
      if (r.business_form != null) r.business_form = BUSINESS_FORM_LABELS[r.business_form as BusinessForm] ?? r.business_form;
      if (r.scale != null) r.scale = SCALE_LABELS[String(r.scale)] ?? r.scale;
      yield r;
    }
  };
  return shown();
}

async function writeXlsx(out: Writable, rows: Iterable<Record<string, unknown>>, columns: ViewColumn[]): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Pangkalan IKM';
  const ws = wb.addWorksheet('Registri IKM', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = columns.map((c) => {
    const kind = FIELD_BY_KEY.get(c.key)?.kind ?? 'text';
    // Text columns carry Excel's text format, so a NIB typed there later keeps its zeros too.
    return { key: c.key, header: c.label, width: Math.min(60, Math.max(10, (FIELD_BY_KEY.get(c.key)?.width ?? 100) / 7)), style: { numFmt: NUMBER_FORMATS[kind] ?? '@' } };
  });
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.commit();
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  let n = 0;
  for (const r of rows) {
    ws.addRow(columns.map((c) => (r[c.key] == null ? null : typeof r[c.key] === 'number' ? r[c.key] : String(r[c.key])))).commit();
    n++;
  }
  ws.commit();
  await wb.commit();
  return n;
}

/** The current view as a file in memory (the renderer saves it); rows counts the data rows. */
export async function exportView(db: DB, filter: IkmFilter, sort: IkmSort, columns: ViewColumn[], format: 'xlsx' | 'csv'): Promise<{ name: string; dataBase64: string; rows: number }> {
  const keys = columns.map((c) => c.key);
  let n = 0;
  const data = await streamToBuffer(async (out) => {
    const rows = viewRows(db, filter, sort, keys);
    n = format === 'xlsx' ? await writeXlsx(out, rows, columns) : await writeRowsTo(out, rows, keys, 'csv', columns.map((c) => c.label));
  });
  return { name: `registri-ikm-${localDay()}.${format}`, dataBase64: data.toString('base64'), rows: n };
}
