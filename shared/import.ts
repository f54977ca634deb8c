/** What an import reports, per file: shared by the core, the CLI and the import wizard. */
import { message, type Lang, type MessageKey } from './messages';

export interface RowProblem {
  sheet: string;
  row: number; // 1-based, as Excel shows it
  column?: string; // letter, e.g. "E"
  header?: string;
  reason: string; // Bahasa Indonesia
  /** The reason as a message key (shared/messages.ts) with its parameters, for the user's language. */
  key?: string;
  params?: Record<string, string | number>;
  /** A warning whose value was imported empty ("Nilai ini tidak diimpor"). */
  dropped?: boolean;
  /** The row's business name (or exporter), so the user knows which business it is. */
  name?: string;
  /** The row as the district wrote it (header → text, or a number where the cell held one), for the error report sent back. */
  original?: Record<string, string | number>;
}

/** A cell corrected in the wizard before importing: the error report tells the district (old → new). */
export interface FixedCell {
  sheet: string;
  row: number;
  column: string;
  header?: string;
  /** The value in the district's file ('' when the cell was empty). */
  from: string | number;
  /** The value imported instead ('' = emptied). */
  to: string;
  name?: string;
  original?: Record<string, string | number>;
}

/** A problem in the reader's language: from its key when it has one, else its Indonesian text. */
export function problemText(p: Pick<RowProblem, 'reason' | 'key' | 'params' | 'dropped'>, lang: Lang): string {
  if (!p.key || lang === 'id') return p.reason;
  const text = message(lang, p.key as MessageKey, p.params);
  return p.dropped ? `${text} ${message(lang, 'imp.valueDropped')}` : text;
}

/**
 * A matching decision the user should see (match.ts): a row imported once because it repeats an
 * earlier one, taken as the same business as an earlier row, or kept apart from a record it
 * resembles. `key` ("Sheet!row") names the row in decisions; `mergeable`: the wizard offers to
 * merge it into `match` instead.
 */
export interface DuplicateNote {
  sheet: string;
  row: number;
  kind: 'in_file' | 'in_file_same' | 'likely_duplicate' | 'same_name_other_nib' | 'similar_name' | 'nib_conflict';
  business_name: string;
  match?: { id?: number; business_name: string; nib: string | null; sheet?: string; row?: number; file?: string; owner_name?: string | null; address?: string | null; district_code?: string | null };
  reason: string;
  /** The reason as message keys with their parameters (one sentence, or several said in turn; noteText shows them in the UI's language); `reason` is its Indonesian text. */
  messageKey?: Keyed | Keyed[];
  key?: string;
  /** The row's own owner, address, NIB and district (for the side-by-side review). */
  values?: { owner_name?: string | null; address?: string | null; nib?: string | null; district_code?: string | null };
  mergeable?: boolean;
  /** The user chose to merge it (decisions.merge): it updated `match` instead. */
  merged?: boolean;
  /** in_file_same: the fields whose differing values were left as the earlier row had them. */
  fields?: string[];
}

/** A field an import changes in a record the registry already had. */
export interface FieldChange {
  field: string;
  from: string | number | null;
  to: string | number | null;
  /** Edited in the registry by hand after it was last imported: kept unless the user takes the file's value. */
  conflict?: { at: string; os_user: string };
  /** For a conflict: the file's value was taken (written). */
  taken?: boolean;
}

/** An existing record a file's row changes (or would change, but for its conflicts). */
export interface RecordChange {
  sheet: string;
  row: number;
  key: string;
  id: number;
  business_name: string;
  /** Why the row is that record: its NIB, owner, address, an exact repeat, or the user's merge. */
  by: 'nib' | 'owner' | 'address' | 'exact' | 'chosen';
  fields: FieldChange[];
}

/** Where a row goes instead of a new record: an existing record, or the record an earlier row of the import became. */
export type MergeTarget = { id: number } | { file?: string; sheet: string; row: number };

/** The user's choices after a preview, per file (keys "Sheet!row"; takeFile "Sheet!row:field"). */
export interface ImportDecisions {
  merge?: Record<string, MergeTarget>;
  takeFile?: string[];
}

/** A message key with its parameters. */
export type Keyed = { key: MessageKey; params?: Record<string, string | number> };

/** A text the core sent with its message key(s): in the reader's language from the keys when there are some, else the (Indonesian) text. */
function keyedText(k: Keyed | Keyed[] | undefined, text: string, lang: Lang): string {
  if (!k) return text;
  return Array.isArray(k) ? k.map((x) => message(lang, x.key, x.params)).join(' ') : message(lang, k.key, k.params);
}

/** A refused file's reason in the reader's language. */
export const fileMessage = (f: Pick<FileReport, 'message' | 'messageKey'>, lang: Lang): string => keyedText(f.messageKey, f.message ?? '', lang);

/** A matching decision's reason (DuplicateNote) in the reader's language. */
export const noteText = (n: Pick<DuplicateNote, 'reason' | 'messageKey'>, lang: Lang): string => keyedText(n.messageKey, n.reason, lang);

/** "Sheet!row", the key of a row in decisions and notes. */
export const rowKey = (sheet: string, row: number): string => `${sheet}!${row}`;

/** One column of a table as the import read it: its header, the field it fills ('' = none), and why. */
export interface ColumnReport {
  column: string;
  header: string;
  field: string;
  /** 0–1, from the header's words and the column's values. */
  confidence?: number;
  /** The header named the field, the values did (header unknown), or the user chose it. */
  source?: 'header' | 'values' | 'user';
  /** Message keys (shared/messages.ts, "map.*") with their parameters. */
  why?: { key: string; params?: Record<string, string | number> }[];
}

export interface SheetReport {
  name: string;
  headerRow: number;
  columns: ColumnReport[];
}

/** A column holding data that the import does not take ("kolom berisi data yang tidak diimpor"). */
export interface UnmappedColumn {
  sheet: string;
  column: string;
  header: string;
  /** Data rows with a value in it. */
  values: number;
  examples: string[];
}

export interface FileReport {
  file: string;
  status: 'imported' | 'refused';
  /** A refused file's reason in Bahasa Indonesia (the CLI, the error report). */
  message?: string;
  /** The refusal as a message key (shared/messages.ts), so an English UI shows it in English; `message` is its Indonesian text. */
  messageKey?: { key: MessageKey; params?: Record<string, string | number> };
  /** Refused only until the user chooses its district; everything else was readable. */
  needsDistrict?: boolean;
  /** Refused only until the user names, in the mapping, the column no header named (no table found; `sheets` holds the columns read). */
  needsMapping?: boolean;
  /** Where rows get their district: a column of the file, the user's choice, or still missing. */
  district?: { source: 'column' | 'chosen' | 'missing'; code: string | null; suggested?: string | null };
  /** BPS tables: the province each table's figures are stored under, and why (its title names it, the user chose it, or the office's). */
  provinces?: { sheet: string; code: string; source: 'title' | 'chosen' | 'office'; /** The table has no year column: the year its title names. */ year?: number }[];
  sheets: SheetReport[];
  /** Columns with data that are not imported: such a file is never all clear. */
  unmapped?: UnmappedColumn[];
  accepted: number; // new records
  updated: number;
  unchanged: number;
  refused: RowProblem[];
  warnings: RowProblem[];
  /** Cells corrected in the wizard (IKM imports), with their old and new value. */
  fixed?: FixedCell[];
  duplicates: DuplicateNote[];
  /** Per-field changes to existing records (IKM imports). */
  changes?: RecordChange[];
}

export interface ImportResult {
  files: FileReport[];
  batchId: number | null;
  dryRun: boolean;
  backupPath: string | null;
}

export interface ImportBatch {
  id: number;
  at: string;
  os_user: string;
  files: string; // JSON array of file names
  inserted: number;
  updated: number;
  unchanged: number;
  refused: number;
  backup_path: string | null;
  undone_at: string | null;
  /** What was imported: IKM records, shipments, BPS trade figures or a Go Ekspor list. */
  kind: 'ikm' | 'shipment' | 'trade' | 'goekspor';
}

/** Why an undo left a value as it is: changed again after the import (undo never destroys later work). */
export const UNDO_CHANGED_SINCE = 'Diubah lagi setelah impor; nilai sekarang dibiarkan.';

/** A value an undo left as it is, because it was changed again after the import. */
export interface UndoSkip {
  /** The registry record (IKM imports), else what the value belongs to ("pengapalan 12", "62/2024/1"). */
  ikm_id?: number;
  record?: string;
  field: string;
  reason: string;
}

/** Where a running import is: reading files, then writing rows (for the progress bar). */
export interface ImportProgress {
  /** 'finish': every row is written; the batch is being committed. */
  phase: 'read' | 'write' | 'finish';
  done: number;
  total: number;
  file?: string;
}

/** Where a record came from (detail panel): "asal: kotim_2025.xlsx, lembar Sheet1, baris 14, impor #3 oleh ana, 1/12/2026". */
export interface RecordSource {
  batch_id: number;
  file: string;
  sheet: string;
  row: number;
  at: string;
  os_user: string;
}
