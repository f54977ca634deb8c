/** Sampah (recycle bin): what the core lists and restores. */
export const TRASH_KINDS = ['ikm', 'shipment'] as const;
export type TrashKind = (typeof TRASH_KINDS)[number];

export interface TrashRow {
  id: number;
  /** Business name (IKM) or exporter (shipment). */
  label: string;
  /** IKM: "nib|district code"; shipment: "date|product|country|fob". */
  detail: string;
  deleted_at: string;
  /** The OS user of the delete's audit row. */
  deleted_by: string | null;
}

export interface TrashRestoreResult {
  restored: number;
  skipped: { id: number; reason: string }[];
}
