/**
 * The user's corrections to the detected column mapping: header text → field ('' = ignore the
 * column). They come from the wizard, and once a file is imported they are remembered per
 * district, so next year's file with the same odd header maps by itself.
 */
import { FIELD_BY_KEY, type IkmFieldKey } from '../../../shared/fields';
import type { DB } from '../db/open';
import { getSetting, setSetting } from '../settings/store';
import { headerWords, type ColumnMapping, type HeaderInfo } from './header';

export type MappingOverrides = Record<string, string>;

/** Every header cell of the table, mapped or not, as the wizard lists it. */
export function headerCells(h: HeaderInfo<string>): { col: number; header: string }[] {
  return h.cells;
}

/** The detected columns with the user's overrides applied; a field is never mapped twice. */
export function applyOverrides(h: HeaderInfo, cells: { col: number; header: string }[], overrides: MappingOverrides): ColumnMapping[] {
  if (Object.keys(overrides).length === 0) return h.columns;
  const byCol = new Map(h.columns.map((c) => [c.col, c]));
  for (const { col, header } of cells) {
    if (!(header in overrides)) continue;
    const field = overrides[header];
    if (!field) byCol.delete(col);
    else if (FIELD_BY_KEY.has(field)) {
      for (const [other, c] of byCol) if (c.field === field && other !== col) byCol.delete(other);
      byCol.set(col, { col, field: field as IkmFieldKey, header, multiplier: headerWords(header).multiplier, confidence: 1, source: 'user', why: [{ key: 'map.user' }] });
    }
  }
  return [...byCol.values()].sort((a, b) => a.col - b.col);
}

const key = (district: string | null) => `import.mapping.${district ?? 'umum'}`;

export function savedOverrides(db: DB, district: string | null): MappingOverrides {
  return getSetting<MappingOverrides>(db, key(district)) ?? {};
}

export function rememberOverrides(db: DB, district: string | null, overrides: MappingOverrides): void {
  if (Object.keys(overrides).length > 0) setSetting(db, key(district), { ...savedOverrides(db, district), ...overrides });
}
