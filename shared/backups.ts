/** The registry's backups as the Cadangan screen and the CLI list them (electron/core/backup). */
export type BackupReason = 'import' | 'migration' | 'daily' | 'manual' | 'restore';

export interface BackupInfo {
  /** The file name in the cadangan folder: what restore and copy take. */
  id: string;
  path: string;
  reason: BackupReason;
  /** When it was made (ISO, UTC). */
  at: string;
  size: number;
  /** Active IKM in it; null if the file cannot be read. */
  ikmCount: number | null;
  schemaVersion: number | null;
}

/** Why a backup was made, as the list says it. */
export const BACKUP_REASON_LABEL: Record<BackupReason, { id: string; en: string }> = {
  import: { id: 'Sebelum impor', en: 'Before an import' },
  migration: { id: 'Sebelum pembaruan aplikasi', en: 'Before a schema update' },
  daily: { id: 'Harian', en: 'Daily' },
  manual: { id: 'Dibuat manual', en: 'Made by hand' },
  restore: { id: 'Sebelum pemulihan', en: 'Before a restore' },
};
