/** Merged data cells: the ranges found in sheet XML cut into chunks, and their values spread. */
import { describe, expect, it } from 'vitest';
import { mergeFiller, MergeScanner, parseRange } from '../../electron/core/import/merges';

describe('merged data cells', () => {
  it('finds every mergeCell tag, also one cut across two chunks', () => {
    const xml = '<sheetData>…</sheetData><mergeCells count="3"><mergeCell ref="A1:F1"/><mergeCell ref="E6:E9"/><x:mergeCell ref="B10:C11"/></mergeCells>';
    for (let cut = 1; cut < xml.length; cut += 3) {
      const s = new MergeScanner();
      s.push(Buffer.from(xml.slice(0, cut)));
      s.push(Buffer.from(xml.slice(cut)));
      expect(s.ranges).toEqual([parseRange('A1:F1'), parseRange('E6:E9'), parseRange('B10:C11')]);
    }
  });

  it('spreads a merge down its column below the header, never over typed values nor across columns', () => {
    const fill = mergeFiller([parseRange('A1:F1')!, parseRange('E6:E9')!, parseRange('B10:C11')!, parseRange('A12:D12')!], 5);
    const rows: [number, (string | null)[]][] = [
      [1, ['JUDUL']],
      [6, ['1', 'UD A', null, null, 'Kab. Katingan']],
      [7, ['2', 'UD B']],
      [9, ['4', 'UD D', null, null, 'Kotim']],
      [10, ['5', 'Baamang', null]],
      [11, ['6']],
      [12, ['JUMLAH', null, null, null, null]],
    ];
    expect(rows.map(([n, cells]) => fill(n, cells))).toEqual([
      ['JUDUL'],
      ['1', 'UD A', null, null, 'Kab. Katingan'],
      ['2', 'UD B', null, null, 'Kab. Katingan'],
      ['4', 'UD D', null, null, 'Kotim'],
      ['5', 'Baamang', null],
      ['6', 'Baamang'],
      ['JUMLAH', null, null, null, null],
    ]);
  });
});
