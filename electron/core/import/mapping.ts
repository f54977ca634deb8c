/**
 * The user's corrections to the detected column mapping: header text → field ('' = ignore the
 * column). They come from the wizard, and once a file is imported they are remembered per
 * district, so next year's file with the same odd header maps by itself.
 */
import { FIELD_BY_KEY, type IkmFieldKey } from '../../../shared/fields';
import type { DB } from '../db/open';
import { getSetting, setSetting } from '../settings/store';
import { headerWords, parentTexts, type ColumnMapping, type HeaderInfo } from './header';
import type { RawCell } from './sheet';

export type MappingOverrides = Record<string, string>;

const text = (c: RawCell | undefined) => (c == null || c instanceof Date ? '' : String(c).trim());

/** Every header cell of the table, mapped or not, as the wizard lists it. */
export function headerCells(rows: RawCell[][], h: HeaderInfo<string>): { col: number; header: string }[] {
  const last = rows[h.headerRow - 1] ?? [];
  const parent = h.rows === 2 ? (rows[h.headerRow - 2] ?? []) : [];
  const tops = h.rows === 2 ? parentTexts(parent, last) : [];
  const width = Math.max(last.length, parent.length);
  const out: { col: number; header: string }[] = [];
  for (let col = 0; col < width; col++) {
    const sub = text(last[col]);
    const top = tops[col] ?? '';
    const header = top && sub && top !== sub ? `${top} / ${sub}` : sub || top;
    if (header) out.push({ col, header });
  }
  return out;
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
      byCol.set(col, { col, field: field as IkmFieldKey, header, multiplier: headerWords(header).multiplier });
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
