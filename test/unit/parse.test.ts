import { describe, expect, it } from 'vitest';
import { numberGroup, parseIdNumber, parseKbli, parseNib, parsePhone, parseWholeNumber, parseYear } from '../../shared/parse';
import { DistrictResolver } from '../../shared/areas';
import { businessScale, parseField } from '../../shared/fields';
import { fold, nameKey, neutraliseFormula } from '../../shared/text';
import { readAreasCsv } from '../../electron/core/reference/areas';

const value = <T>(p: { ok: boolean; value?: T | null }) => (p.ok ? p.value : 'ERR');

describe('Indonesian numbers', () => {
  it.each([
    ['Rp 1.500.000', 1500000],
    ['1.500.000', 1500000],
    ['1.500.000,00', 1500000],
    ['1.500.000,-', 1500000],
    ['Rp. 34.000.000', 34000000],
    ['1,5 juta', 1500000],
    ['2 miliar', 2e9],
    ['1500000', 1500000],
    [1500000, 1500000],
    ['12,5', 12.5],
    ['1.5', 1.5],
    ['1,234,567', 1234567],
    ['(1.000)', -1000],
    ['-', null],
    ['', null],
    [null, null],
  ])('%s → %s', (raw, expected) => expect(value(parseIdNumber(raw))).toBe(expected));

  it('refuses words and negative counts', () => {
    expect(parseIdNumber('banyak').ok).toBe(false);
    expect(parseWholeNumber('-3')).toMatchObject({ ok: false, error: { key: 'err.negative' } });
    expect(parseWholeNumber('2,5')).toMatchObject({ ok: false, error: { key: 'err.whole' } });
    expect(value(parseWholeNumber('12 orang'))).toBe(12);
  });
});

describe('Indonesian money as districts write it', () => {
  const cases: [string, number][] = [
    ['Rp. 25.000.000,-', 25_000_000], ['Rp25.000.000', 25_000_000], ['Rp.25.000.000,00', 25_000_000], ['25 jt', 25_000_000],
    ['25 juta', 25_000_000], ['500 rb', 500_000], ['1,2 M', 1_200_000_000], ['2 miliar', 2e9], ['2 milyar', 2e9], ['IDR 1.500.000', 1_500_000],
  ];
  for (const [text, n] of cases) it(`${text} → ${n}`, () => expect(value(parseIdNumber(text))).toBe(n));
  it("a column's own separator style decides 19,292", () => {
    expect(value(parseIdNumber('19,292'))).toBe(19.292);
    expect(numberGroup(['1,283,883', '19,292', '4,500'])).toBe(',');
    expect(value(parseIdNumber('19,292', ','))).toBe(19292);
    expect(numberGroup(['1.283.883', '19.292', 'Rp 4.500.000,-'])).toBe('.');
    expect(value(parseIdNumber('19.292', '.'))).toBe(19292);
    expect(numberGroup(['12,5', '3'])).toBeUndefined();
    expect(value(parseIdNumber('12,5', ','))).toBe(12.5);
  });
});

describe('identifiers', () => {
  it('restores the leading zero Excel drops from an NIB and strips separators', () => {
    expect(value(parseNib(815908301661))).toBe('0815908301661');
    expect(value(parseNib('0815 9083-0166.1'))).toBe('0815908301661');
    expect(value(parseNib("'0815908301661"))).toBe('0815908301661');
  });
  it('refuses anything else as an NIB', () => {
    for (const bad of ['12345', 8.12e12 + 0.5, 'NIB-ABC', '12345678901234'])
      expect(parseNib(bad)).toMatchObject({ ok: false, error: { key: 'err.nib' } });
  });
  it('an NIB typed as text with a digit missing is refused; a number cell (or its paste) gets its zero back', () => {
    expect(parseNib('815908301661', true)).toMatchObject({ ok: false, error: { key: 'err.nib' } });
    expect(value(parseNib(815908301661, true))).toBe('0815908301661');
    expect(value(parseNib('815908301661'))).toBe('0815908301661');
  });
  it('an NIB Excel destroyed (scientific notation, past 15 digits) is lost, not refused', () => {
    for (const lost of ['8,12E+12', '8.12E+12', '8.12e12', 1.2345678901234567e16, 8.12e12, 8120000000000, '8120000000000', 812000000000])
      expect(parseNib(lost)).toMatchObject({ ok: false, error: { key: 'err.nibLost' } });
    // A real NIB may end in a few zeros.
    expect(value(parseNib(9120301000000))).toBe('9120301000000');
    expect(value(parseNib('0220000000001'))).toBe('0220000000001');
  });
  it('placeholders are empty, never an NIB, KBLI or phone', () => {
    for (const p of [0, '0', '0000000000000', '-', '.', '--', 'BELUM ADA', 'TIDAK ADA', 'belum punya', 'Blm ada', 'n/a', 'Dalam Proses'])
      expect(parseNib(p), String(p)).toEqual({ ok: true, value: null });
    for (const p of [0, '0', '-', 'tidak ada']) expect(parsePhone(p), String(p)).toEqual({ ok: true, value: null });
    expect(parseKbli('00000')).toEqual({ ok: true, value: null });
  });
  it('KBLI is five digits, a lost zero restored', () => {
    expect(value(parseKbli(16291))).toBe('16291');
    expect(value(parseKbli(1111))).toBe('01111');
    expect(parseKbli('1075').ok).toBe(false); // a 4-digit KBLI group typed as text is not a code
    expect(parseKbli('123').ok).toBe(false);
    expect(value(parseKbli('KBLI 16299'))).toBe('16299');
    expect(value(parseKbli('kbli: 10392'))).toBe('10392');
  });
  it('phones keep their leading zero', () => {
    expect(value(parsePhone(81234567890))).toBe('081234567890');
    expect(value(parsePhone('+62 812-3456-7890'))).toBe('081234567890');
    expect(value(parsePhone('0536 3221 00'))).toBe('0536322100');
    expect(parsePhone('12').ok).toBe(false);
  });
});

describe('years', () => {
  const now = new Date('2026-11-23T00:00:00Z');
  it.each([
    [2015, 2015],
    ['2015', 2015],
    ['12/03/2015', 2015],
    ['12-03-2015', 2015],
    ['12 Maret 2015', 2015],
    ['Maret 2015', 2015],
    ['2015-03-12', 2015],
    [42075, 2015], // Excel serial for 2015-03-12
    [new Date(Date.UTC(2015, 2, 12)), 2015],
  ])('%s → %s', (raw, y) => expect(value(parseYear(raw, now))).toBe(y));
  it('refuses a year in the future and nonsense', () => {
    expect(parseYear(2027, now)).toMatchObject({ ok: false, error: { key: 'err.yearFuture' } });
    expect(parseYear('kemarin', now).ok).toBe(false);
  });
});

describe('districts', () => {
  const resolver = new DistrictResolver(readAreasCsv().districts);
  it.each([
    ['Kab. Kotawaringin Timur', '6202'],
    ['KOTAWARINGIN TIMUR ', '6202'],
    ['Kotim', '6202'],
    ['kabupaten murung raya', '6213'],
    ['Mura', '6213'],
    ['Palangkaraya', '6271'],
    ['Kota Palangka Raya', '6271'],
    ['6209', '6209'],
  ])('%s → %s', (text, code) => expect(resolver.resolve(text)?.code).toBe(code));
  it('knows nothing of other islands', () => {
    expect(resolver.resolve('Kab. Bogor')).toBeNull();
    expect(resolver.resolve('9999')).toBeNull();
  });
  it('parseField names the unknown district', () => {
    expect(parseField('district_code', 'Kab. Bogor', { districts: resolver })).toMatchObject({
      ok: false,
      error: { key: 'err.district', params: { value: 'Kab. Bogor' } },
    });
  });
});

describe('text', () => {
  it('folds Unicode case and accents, unlike SQLite LOWER', () => {
    expect(fold('  ÉCOLE   Ñandú ')).toBe('ecole nandu');
    expect(nameKey('UD. Rotan  Katingan')).toBe(nameKey('ud rotan katingan'));
  });
  it('neutralises formula-looking text', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseFormula('+62812')).toBe(`'+62812`);
    expect(neutraliseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseFormula('Rotan')).toBe('Rotan');
  });
});

describe('Kemenperin business scale', () => {
  it.each([
    [5, 50_000_000, 'kecil'],
    [19, 999_999_999, 'kecil'],
    [19, 1_000_000_000, 'menengah'],
    [20, 15_000_000_000, 'menengah'],
    [20, 15_000_000_001, 'besar'],
    [null, 1, null],
  ])('%s workers, Rp %s → %s', (w, inv, scale) => expect(businessScale(w, inv)).toBe(scale));
});
