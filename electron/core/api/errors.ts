import type { CellError, StorageErrorCode } from '../../../shared/contract';
import { message, type MessageKey } from '../../../shared/messages';

export class NotFoundError extends Error {
  constructor(readonly id: number) {
    super(`not found: ${id}`);
  }
}

/** A request whose values failed validation; carries the per-cell reasons. */
export class ValidationError extends Error {
  constructor(readonly errors: CellError[]) {
    super(errors.map((e) => e.message).join(' '));
  }
}

/**
 * A failure of the database itself, by SQLite's error code: a rule of the schema broken, the
 * file locked by another program, read-only, the disk full, or unreadable. Each has its own
 * envelope code and a message in Bahasa Indonesia that says what to do (never SQLite's words).
 */
export type DatabaseFailure = 'constraint' | 'busy' | 'read_only' | 'disk_full' | 'io';

export function databaseFailure(e: unknown): DatabaseFailure | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_CONSTRAINT')) return 'constraint';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_READONLY')) return 'read_only';
  if (code === 'SQLITE_FULL') return 'disk_full';
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CANTOPEN') return 'io';
  return null;
}

/**
 * The registry's file cannot take the request, found by the core rather than by SQLite: opened
 * read-only (with the reason), deleted or replaced since it was opened, a backup that did not
 * finish. Own error codes and message keys, like databaseFailure's.
 */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message('id', key, params));
    this.name = 'StorageError';
  }
}
