/**
 * The one table reader under every importer (tables.ts) and its hooks, the one junk rule
 * (junk.ts) and the one cell-to-text (sheet.ts). The IKM importer runs on the same reader
 * (read-file.ts): its tests (import-*.test.ts) cover the hooks end to end.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { vocabulary } from '../../electron/core/import/header';
import { isFurniture, isJunkRow } from '../../electron/core/import/junk';
import { cellText, type RawCell } from '../../electron/core/import/sheet';
import { readTables, type TableHooks } from '../../electron/core/import/tables';

type F = 'name' | 'amount' | 'code';
const VOCAB = vocabulary<F>({ name: ['nama'], amount: ['jumlah uang', 'nilai'], code: ['kode'] }, 'name', 2);
const csv = (lines: string[]) => ({ name: 'tabel.csv', data: Buffer.from(lines.join('\n'), 'utf8') });
const TABLE = ['Daftar contoh', '', 'Nama;Nilai;Kode;Catatan', 'Satu;10;A1;x', 'Dua;20;B2;', 'Tiga;30;C3;y'];

async function read(input: Parameters<typeof readTables<F>>[0], hooks?: TableHooks<F>) {
  const out: { sheet: string; headerRow: number; fields: string[]; cells: string[]; rows: [number, RawCell[]][] }[] = [];
  for await (const t of readTables(input, VOCAB, hooks)) {
    const rows: [number, RawCell[]][] = [];
    for await (const r of t.rows) rows.push([r.number, r.cells]);
    out.push({ sheet: t.sheet, headerRow: t.header.headerRow, fields: t.columns.map((c) => c.field), cells: t.cells.map((c) => `${c.column}:${c.field}`), rows });
  }
  return out;
}

describe('the table reader', () => {
  it('finds the header under the title and hands on the rows below it, in order', async () => {
    const [t, more] = await read(csv(TABLE));
    expect(more).toBeUndefined();
    expect(t).toMatchObject({ headerRow: 3, fields: ['name', 'amount', 'code'], cells: ['A:name', 'B:amount', 'C:code', 'D:'] });
    expect(t!.rows.map(([n, c]) => [n, c[0]])).toEqual([[4, 'Satu'], [5, 'Dua'], [6, 'Tiga']]);
  });

  it("applies the wizard's cell fixes (header rows too) and the user's mapping corrections last", async () => {
    const fixes = { 'tabel!B5': '25', 'tabel!A6': '', 'tabel!D3': 'Kode Lama' };
    const [t] = await read({ ...csv(TABLE), fixes, mapping: { 'Kode Lama': 'code', Nilai: '' } });
    // "Kode Lama" (fixed into the header) takes the field from "Kode"; "Nilai" is not imported.
    expect(t!.fields).toEqual(['name', 'code']);
    expect(t!.cells).toEqual(['A:name', 'B:', 'C:', 'D:code']);
    expect(t!.rows.map(([, c]) => c.slice(0, 2))).toEqual([['Satu', '10'], ['Dua', '25'], [null, '30']]);
  });

  it('the mapping hook sees the header and the first rows under it, decides the corrections, and confirms the corrected columns', async () => {
    const seen: { headerRow: number; sample: RawCell[][]; confirmed?: string[]; ignored?: number[] }[] = [];
    const [t] = await read({ ...csv(TABLE), mapping: { Kode: 'amount' } }, {
      mapping({ header, sample }) {
        const s: (typeof seen)[number] = { headerRow: header.headerRow, sample: sample.map((r) => r.slice(0, 1)) };
        seen.push(s);
        // Corrections from a saved mapping; the values then see the columns as corrected (e.g. proposing a field for the unnamed column).
        return {
          overrides: { Nilai: '', Kode: 'code', Catatan: '' },
          confirm(columns, ignored) {
            s.confirmed = columns.map((c) => `${c.header}:${c.field}:${c.source}`);
            s.ignored = [...ignored];
            return [...columns, { col: 3, field: 'amount', header: 'Catatan', multiplier: 1, source: 'values' }];
          },
        };
      },
    });
    expect(seen).toEqual([{ headerRow: 3, sample: [['Satu'], ['Dua'], ['Tiga']], confirmed: ['Nama:name:header', 'Kode:code:user'], ignored: [1, 3] }]);
    expect(t!.fields).toEqual(['name', 'code', 'amount']);
    expect(t!.cells).toEqual(['A:name', 'B:', 'C:code', 'D:amount']);
  });

  it('a sheet without a header is reported to the hook with the row nearest to one, and yields no table', async () => {
    const near: unknown[] = [];
    const out = await read(csv(['Judul saja', 'Nilai;Kode', '10;A1']), { nearest: (n) => near.push(n) });
    expect(out).toEqual([]);
    // Each column with the field its header named, how sure and why, as a table's columns are reported.
    const header = (score: number) => ({ confidence: score / 100, source: 'header', why: [{ key: 'map.header', params: { score } }] });
    expect(near).toEqual([{ sheet: 'tabel', row: 2, headers: ['Nilai', 'Kode'], columns: [{ column: 'A', header: 'Nilai', field: 'amount', ...header(100) }, { column: 'B', header: 'Kode', field: 'code', ...header(100) }] }]);
  });

  it('a refusal thrown by the mapping hook ends the reading (the importer refuses the file)', async () => {
    await expect(
      read(csv(TABLE), {
        mapping() {
          throw new Error('tolak');
        },
      }),
    ).rejects.toThrow('tolak');
  });
});

describe('recap and hidden sheets', () => {
  /** A workbook by exceljs: sheets by name, each the TABLE's rows; `hidden` ones hidden. */
  async function workbook(names: string[], hidden: string[] = []) {
    const wb = new ExcelJS.Workbook();
    for (const n of names) {
      const ws = wb.addWorksheet(n, { state: hidden.includes(n) ? 'hidden' : 'visible' });
      for (const line of TABLE) ws.addRow(line === '' ? [] : line.split(';'));
    }
    return { name: 'kab.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) };
  }
  it('are skipped beside a data sheet', async () => {
    expect((await read(await workbook(['Rekap', 'Data IKM', 'Lama'], ['Lama']))).map((t) => t.sheet)).toEqual(['Data IKM']);
  });
  it('a workbook whose only sheet is "Rekap" is that table; so are "Rekap 2024" and "Rekap 2025" alone', async () => {
    expect((await read(await workbook(['Rekap']))).map((t) => t.sheet)).toEqual(['Rekap']);
    expect((await read(await workbook(['Rekap 2024', 'Rekap 2025']))).map((t) => t.sheet)).toEqual(['Rekap 2024', 'Rekap 2025']);
  });
});

describe('the one junk rule', () => {
  const cols = [
    { col: 0, field: 'business_name' },
    { col: 1, field: 'owner_name' },
    { col: 2, field: 'workers_total' },
    { col: 3, field: 'investment_idr' },
  ];
  it.each([
    ['a blank row', [null, '', null]],
    ['a lone note under the table', [null, null, 'dst.']],
    ['a total per kecamatan', ['JUMLAH KEC. BAAMANG', null, 42, 1_500_000]],
    ['an average', ['Rata-rata', null, 3, 500_000]],
    ['a signature block', ['Mengetahui,', 'Kepala Dinas']],
    ['the place and date above the signature', ['Sampit, 20 Desember 2025', null]],
    ['the column-number row', ['(1)', '(2)', '(3)', '(4)']],
  ] as [string, RawCell[]][])('%s is junk', (_, cells) => expect(isJunkRow(cells, cols, 'business_name')).toBe(true));

  it.each([
    ['a business', ['UD Rotan Jaya', 'Siti', 4, 2_000_000]],
    ['"Total Jaya" with its owner', ['Total Jaya', 'Budi', 2, null]],
    ['a lone business name, when the name may stand alone', ['UD Rotan Jaya', null, null]],
  ] as [string, RawCell[]][])('%s is data', (_, cells) => expect(isJunkRow(cells, cols, 'business_name')).toBe(false));

  it('a lone value is a note unless its field may stand alone; the precomputed form agrees', () => {
    const cells: RawCell[] = ['UD Rotan Jaya'];
    expect(isJunkRow(cells, cols)).toBe(true);
    expect(isFurniture(cells, 1, ['business_name'], ['UD Rotan Jaya'], 'business_name')).toBe(false);
    expect(isFurniture(cells, 1, ['business_name'], ['UD Rotan Jaya'])).toBe(true);
  });

  // A BPS table (trade/stats.ts): year, month, exports, imports; the rule it used to have of its own.
  const bps = [
    { col: 0, field: 'year' },
    { col: 1, field: 'month' },
    { col: 2, field: 'export_usd' },
    { col: 3, field: 'import_usd' },
  ];
  it.each([
    ['the source note under it', ['Sumber: BPS Provinsi Kalimantan Timur', null, null, null]],
    ['a note in the year column', ['Catatan: angka 2025 sementara', null, null, null]],
    ['its grand total', ['Jumlah', null, 5_400_000, 810_000]],
    ['a year\'s total in the month column', [2024, 'Jumlah', 5_400_000, 810_000]],
    ['an average written "Rata rata"', ['Rata rata', null, 180_000, 27_000]],
    ['an average written "rata2"', ['rata2', null, 180_000, 27_000]],
  ] as [string, RawCell[]][])('in a BPS table, %s is junk', (_, cells) => expect(isJunkRow(cells, bps)).toBe(true));
  it('in a BPS table, a month and a whole-year row are data', () => {
    expect(isJunkRow([2024, 'Januari', 180_000_000, 25_500_000], bps)).toBe(false);
    expect(isJunkRow([2023, null, 2_210_400_000, null], bps)).toBe(false);
  });

  it('several fields may stand alone (a Go Ekspor list: the name or the NIB); any other lone value is a note', () => {
    const ge = [
      { col: 0, field: 'nib' },
      { col: 1, field: 'business_name' },
      { col: 2, field: 'product' },
    ];
    const alone = ['business_name', 'nib'];
    expect(isJunkRow(['1207000000019', null, null], ge, alone)).toBe(false);
    expect(isJunkRow([null, 'CV Rotan Jaya', null], ge, alone)).toBe(false);
    expect(isJunkRow([null, null, 'Tas rotan'], ge, alone)).toBe(true);
    expect(isJunkRow(['1207000000019', null, null], ge, 'business_name')).toBe(true);
  });
});

describe('the one cell-to-text', () => {
  it('trims text, writes numbers plainly and a date as its day (its time only when it has one)', () => {
    expect(cellText('  Rotan  ')).toBe('Rotan');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(1500000)).toBe('1500000');
    expect(cellText(true)).toBe('true');
    expect(cellText(new Date(Date.UTC(2025, 2, 12)))).toBe('2025-03-12');
    expect(cellText(new Date(Date.UTC(2025, 2, 12, 9, 30)))).toBe('2025-03-12 09:30');
  });
});
