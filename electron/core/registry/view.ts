/**
 * The registry as the grid's view engine sees it (electron/core/view/table.ts): the ikm table,
 * its filter and sort (query.ts), each column of shared/fields.ts by kind, and applyChanges as the
 * write path. The range operations, find/replace, header values and export all run on this.
 */
import type { IkmFilter, IkmSort } from '../../../shared/contract';
import { districtLabel } from '../../../shared/areas';
import { BUSINESS_FORM_LABELS, IKM_FIELDS, type FieldKind } from '../../../shared/fields';
import type { CellChange } from '../../../shared/contract';
import { districtResolver } from '../reference/areas';
import type { ViewColumn, ViewTable } from '../view/table';
import { buildOrder, buildWhere } from './query';
import { applyChanges } from './write';

const NUMBER_FORMATS: Partial<Record<FieldKind, string>> = { count: '#,##0', money: '#,##0', decimal: '#,##0.##', year: '0' };

const districtCodes: ViewColumn['codes'] = (db) => districtResolver(db).districts.map((d) => ({ code: d.code, label: districtLabel(d) }));
const formCodes = Object.entries(BUSINESS_FORM_LABELS).map(([code, label]) => ({ code, label }));
const scaleCodes = [
  { code: 'kecil', label: 'Kecil' },
  { code: 'menengah', label: 'Menengah' },
  { code: 'besar', label: 'Besar' },
];

function registryColumn(kind: FieldKind, width: number): ViewColumn {
  if (NUMBER_FORMATS[kind]) return { kind: 'number', width, numFmt: NUMBER_FORMATS[kind], replace: false };
  // A district is typed by its name, so replace works on the name; a business form is a code.
  if (kind === 'district') return { kind: 'code', width, codes: districtCodes, replace: true };
  if (kind === 'businessForm') return { kind: 'code', width, codes: () => formCodes, replace: false };
  return { kind: 'text', width, replace: true };
}

export const REGISTRY_VIEW: ViewTable<IkmFilter, IkmSort> = {
  table: 'ikm',
  columns: new Map<string, ViewColumn>([
    ...IKM_FIELDS.map((f) => [f.key, registryColumn(f.kind, f.width)] as const),
    // The computed Kemenperin scale: read-only, shown by its label.
    ['scale', { kind: 'code', width: 90, codes: () => scaleCodes, replace: false }],
  ]),
  where: buildWhere,
  order: buildOrder,
  write: (db, changes, typed) => applyChanges(db, changes as CellChange[], { typed }),
  sheet: 'Registri IKM',
  file: 'registri-ikm',
};
