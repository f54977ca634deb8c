/**
 * The one builder of refused rows and warnings, for every importer: where (sheet, row, column
 * letter and its header), which business (its name, when the row has one), why (a message key with
 * its parameters, and the Indonesian text of it), and the row as the district wrote it (for the
 * error report sent back). The file is the report's own (FileReport.file).
 */
import type { RowProblem } from '../../../shared/import';
import { message, type MessageKey } from '../../../shared/messages';
import { columnLetter } from './sheet';

export type ProblemParams = Record<string, string | number>;

export interface ProblemAt {
  sheet: string;
  /** 1-based, as Excel shows it. */
  row: number;
  /** The column the problem is in (0-based index, and its header), when it is in one. */
  column?: { col: number; header: string };
  /** The row's business name (or exporter); empty is left out. */
  name?: string | null;
  /** The row as written, header → text or number (refusals only: the error report sends it back). */
  original?: Record<string, string | number>;
}

export function rowProblem(at: ProblemAt, key: MessageKey, params?: ProblemParams): RowProblem {
  return {
    sheet: at.sheet,
    row: at.row,
    ...(at.column ? { column: columnLetter(at.column.col + 1), header: at.column.header } : {}),
    reason: message('id', key, params),
    key,
    ...(params ? { params } : {}),
    ...(at.name ? { name: at.name } : {}),
    ...(at.original ? { original: at.original } : {}),
  };
}

/** A bad value the row is imported without (left empty): the warning says so. */
export function valueWarning(at: ProblemAt, key: MessageKey, params?: ProblemParams): RowProblem {
  const p = rowProblem({ ...at, original: undefined }, key, params);
  return { ...p, reason: `${p.reason} ${message('id', 'imp.valueDropped')}`, dropped: true };
}

