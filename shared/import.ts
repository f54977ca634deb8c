/** What an import reports, per file: shared by the core, the CLI and the import wizard. */
export interface RowProblem {
  sheet: string;
  row: number; // 1-based, as Excel shows it
  column?: string; // letter, e.g. "E"
  header?: string;
  reason: string; // Bahasa Indonesia
  /** The row as the district wrote it (header → text), for the error report sent back. */
  original?: Record<string, string>;
}

export interface DuplicateNote {
  sheet: string;
  row: number;
  kind: 'in_file' | 'same_name_other_nib' | 'similar_name';
  business_name: string;
  match?: { id?: number; business_name: string; nib: string | null; sheet?: string; row?: number };
  reason: string;
}

export interface SheetReport {
  name: string;
  headerRow: number;
  columns: { column: string; header: string; field: string }[];
}

export interface FileReport {
  file: string;
  status: 'imported' | 'refused';
  message?: string;
  /** Refused only until the user chooses its district; everything else was readable. */
  needsDistrict?: boolean;
  /** Where rows get their district: a column of the file, the user's choice, or still missing. */
  district?: { source: 'column' | 'chosen' | 'missing'; code: string | null; suggested?: string | null };
  sheets: SheetReport[];
  accepted: number; // new records
  updated: number;
  unchanged: number;
  refused: RowProblem[];
  warnings: RowProblem[];
  duplicates: DuplicateNote[];
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
}

/** Where a running import is: reading files, then writing rows (for the progress bar). */
export interface ImportProgress {
  /** 'finish': every row is written; the batch is being committed. */
  phase: 'read' | 'write' | 'finish';
  done: number;
  total: number;
  file?: string;
}
