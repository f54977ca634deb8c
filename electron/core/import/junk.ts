/**
 * The one rule, for every kind of table (IKM lists, shipments, trade statistics, Go Ekspor
 * lists), of the rows under a header that are the table's furniture, not data: blank rows, a
 * lone note, signature blocks, the place-and-date line, the column-number row, and totals per
 * village, per kecamatan or for all. Junk is skipped silently; everything else is data, and
 * becomes a record or a refusal the user sees.
 */
import { fold } from '../../../shared/text';
import { cellText, type RawCell } from './sheet';

/** Words that open a totals row (per village, per kecamatan, the grand total, an average). */
export const TOTALS = /^(jumlah|jml\.?|total|sub[ -]?total|sub jumlah|grand total|rekap|rekapitulasi|rata-rata|rata rata|rata2|rerata)\b/;
/** Signature blocks and notes under the table. */
export const SIGNATURE = /^(mengetahui|menyetujui|diketahui|kepala (dinas|bidang|seksi|bagian)\b|kabid\b|kasi\b|kasubag\b|sekretaris\b|plt\.? |plh\.? |nip[ .:]|ttd\b|a\.? ?n\.? |dibuat oleh|disusun oleh|diverifikasi oleh|catatan\b|keterangan ?:|sumber ?:|ket ?:|note ?:|\*)/;
/** "Sampit, 20 Desember 2025" — the place and date above a signature. */
export const PLACE_DATE = /^[a-z .'-]+,\s*\d{1,2}\s+[a-z]+\s+\d{4}$/;
/** The column-number row some tables have under the header: 1 2 3 … or (1) (2) (3) … */
export const COLUMN_NUMBER = /^\(?\d{1,3}\)?\.?$/;
/** Fields that name a business or a shipment: a row with one of them is never a totals row. */
const IDENTIFYING: ReadonlySet<string> = new Set(['owner_name', 'nib', 'address', 'phone', 'email', 'exporter_nib', 'peb_number', 'date']);

/** The field (or fields) that may stand alone in a data row: the IKM business name; a Go Ekspor list's name or NIB. */
type Alone = string | readonly string[];

/**
 * Whether a row is furniture, given what it fills: `filled` its non-empty cells, `fields` the
 * mapped fields it has a value in and `raws` those values (for callers that have them already,
 * as rows.ts has). No mapped value, or a lone one (a note under the table), is furniture unless
 * that one value is in `alone`, the field (or fields) that makes a row data by itself (the IKM business
 * name). A "JUMLAH" at the left of a row that names nobody is a total; "Total Jaya" with an owner
 * is a business.
 */
export function isFurniture(cells: readonly RawCell[], filled: number, fields: readonly string[], raws: readonly RawCell[], alone?: Alone): boolean {
  if (fields.length === 0 || (fields.length === 1 && !(typeof alone === 'string' ? fields[0] === alone : alone?.includes(fields[0]!)))) return true;
  // Cheap tests first: this runs for every row of a 100,000-row file.
  let identifying = false;
  for (const f of fields) if (IDENTIFYING.has(f)) identifying = true;
  for (let j = 0; j < cells.length; j++) {
    // Past the first four cells only a sparse row can be junk.
    if (filled > 3 && j >= 4) break;
    const c = cells[j];
    if (typeof c !== 'string') continue;
    const t = c.trim().toLowerCase();
    if (t === '') continue;
    // Signature blocks and notes are sparse rows; a business row may well say "Catatan" somewhere.
    if (filled <= 3 && (SIGNATURE.test(t) || (t.includes(',') && PLACE_DATE.test(fold(t))))) return true;
    if (j < 4 && !identifying && TOTALS.test(t)) return true;
  }
  let numbers = true;
  for (const raw of raws) if (!COLUMN_NUMBER.test(cellText(raw))) numbers = false;
  return numbers;
}

/** The rule for a row of a table (tables.ts gives its `columns`), for importers that have nothing computed yet. */
export function isJunkRow(cells: readonly RawCell[], columns: readonly { col: number; field: string }[], alone?: Alone): boolean {
  const fields: string[] = [];
  const raws: RawCell[] = [];
  for (const m of columns) {
    const raw = cells[m.col] ?? null;
    if (cellText(raw) === '') continue;
    fields.push(m.field);
    raws.push(raw);
  }
  let filled = 0;
  for (const c of cells) if (c != null && c !== '') filled++;
  return isFurniture(cells, filled, fields, raws, alone);
}
